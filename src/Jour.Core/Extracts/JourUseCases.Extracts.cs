using System.Globalization;
using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Extracts;
using Jour.Core.Journals;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// A person's register extract (GDPR art. 15; the right to insight under SoL and LSS).
public sealed partial class JourUseCases
{
    /// <summary>
    /// Everything kept about one client. The line in the access log is written before anything is gathered, so
    /// the extract shows its own reading, and no extract leaves the server without it.
    /// </summary>
    public ClientExtract GetClientExtract(SessionInfo actor, GetClientExtract request)
    {
        TextLimits.Name.Check(request.Client);
        TextLimits.Reason.Check(request.Destination);
        Client client = request.ClientId > 0
            ? _store.FindClient(request.ClientId) ?? throw new JourException(ErrorCodes.ClientNotFound, request.ClientId.ToString(CultureInfo.InvariantCulture))
            : ExtractClient(request.Client);
        AccessBasis basis = actor.Roles.HasFlag(Role.MedicalResponsible) ? AccessBasis.MedicalResponsible : AccessBasis.Register;
        LogAccess(actor, client.Id, AccessedData.ClientExtract, basis, null, request.Destination.Trim());

        var names = UserNames();
        List<JournalEntryData> Journal(JournalSeries series) =>
        [
            .. _store.LoadJournal(client.Id, series)
                .OrderBy(e => e.AtUtc)
                .ThenBy(e => e.Id)
                .Select(e => new JournalEntryData(e.Id, e.AtUtc, names.GetValueOrDefault(e.AuthorId, "?"), e.Text, e.CorrectsId)),
        ];

        var cases = Enum.GetValues<CaseState>()
            .SelectMany(_store.LoadCases)
            .Where(c => c.ClientId == client.Id)
            .OrderBy(c => c.ReceivedUtc)
            .ThenBy(c => c.Id)
            .Select(c => Detail(c))
            .ToList();
        var lookups = new RecordLookups(this);
        var accessLog = GetAccessLog(actor, new AccessLogQuery(DateTime.UnixEpoch, UtcNow.AddMinutes(1), null, client.Id))
            .OrderBy(r => r.AtUtc)
            .ThenBy(r => r.Id)
            .ToList();
        LogExtract(client.Id, actor.UserId);
        return new ClientExtract(
            UtcNow,
            actor.UserName,
            ToData(client),
            client.ProviderId is { } provider ? _store.FindProvider(provider)?.Name ?? "" : "",
            cases,
            Journal(JournalSeries.Sol),
            Journal(JournalSeries.Lss),
            [.. _store.LoadIncidents().Where(i => i.ClientId == client.Id).OrderBy(i => i.OccurredUtc).ThenBy(i => i.Id).Select(lookups.ToData)],
            [.. _store.LoadComplaints().Where(c => c.ClientId == client.Id).OrderBy(c => c.ReceivedUtc).ThenBy(c => c.Id).Select(lookups.ToData)],
            accessLog);
    }

    /// <summary>
    /// The one client a personnummer (12 or 10 digits, with or without the dash) or a name fits: the whole name
    /// first, else a part of it. Several are refused, listed by masked personnummer, for the user to choose by number.
    /// </summary>
    private Client ExtractClient(string typed)
    {
        string text = typed.Trim();
        if (text.Length == 0)
        {
            throw new JourException(ErrorCodes.ExtractClientRequired);
        }

        var clients = _store.LoadClients();
        string digits = string.Concat(text.Where(char.IsAsciiDigit));
        bool isNumber = digits.Length is 10 or 12 && text.All(ch => char.IsAsciiDigit(ch) || ch is '-' or '+' or ' ');
        List<Client> fits = isNumber
            ? [.. clients.Where(c => c.PersonalIdentityNumber.Length == 12 && (digits.Length == 12 ? c.PersonalIdentityNumber == digits : c.PersonalIdentityNumber[2..] == digits))]
            : [.. clients.Where(c => string.Equals(c.Name, text, StringComparison.CurrentCultureIgnoreCase))];
        if (fits.Count == 0 && !isNumber)
        {
            fits = [.. clients.Where(c => c.Name.Contains(text, StringComparison.CurrentCultureIgnoreCase))];
        }

        return fits.Count switch
        {
            1 => fits[0],
            0 => throw new JourException(ErrorCodes.ExtractClientUnknown, text),
            _ => throw new JourException(
                ErrorCodes.ExtractClientAmbiguous,
                text,
                string.Join(", ", fits.OrderBy(c => c.PersonalIdentityNumber, StringComparer.Ordinal).Select(c => $"{c.Name} {MaskNumber(c.PersonalIdentityNumber)}"))),
        };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register extract of client {ClientId} by user {UserId}")]
    private partial void LogExtract(long clientId, long userId);
}
