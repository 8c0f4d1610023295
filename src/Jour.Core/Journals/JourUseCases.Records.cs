using System.Globalization;
using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Journals;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Journals (SoL and LSS apart, append-only) and the access log: every read of a journal, a full
// personnummer or an access note leaves an entry here, on the server, so no client can skip it.
public sealed partial class JourUseCases
{
    /// <summary>
    /// One series of a client's journal. Refused without any role; without a case (and not MAS/MAR) only
    /// with a stated reason: then the view says so and nothing is read until the reason comes.
    /// </summary>
    public JournalView GetJournal(SessionInfo actor, JournalRequest request)
    {
        InputLimits.Check(request);
        Client client = _store.FindClient(request.ClientId)
            ?? throw new JourException(ErrorCodes.ClientNotFound, request.ClientId.ToString(CultureInfo.InvariantCulture));
        (JournalAccessLevel level, Case? viaCase) = JournalAccessFor(actor, client.Id);
        string reason = request.Reason.Trim();
        if (level == JournalAccessLevel.Refused)
        {
            throw new JourException(ErrorCodes.JournalRefused);
        }

        if (level == JournalAccessLevel.ReasonRequired && reason.Length == 0)
        {
            return new JournalView(client.Id, client.Name, request.Series, true, null, "", []);
        }

        AccessBasis basis = Basis(actor, level);
        LogAccess(actor, client.Id, request.Series == JournalSeries.Sol ? AccessedData.JournalSol : AccessedData.JournalLss, basis, viaCase, reason);
        var names = UserNames();
        var entries = _store.LoadJournal(client.Id, request.Series)
            .OrderBy(e => e.AtUtc)
            .ThenBy(e => e.Id)
            .Select(e => new JournalEntryData(e.Id, e.AtUtc, names.GetValueOrDefault(e.AuthorId, "?"), e.Text, e.CorrectsId))
            .ToList();
        return new JournalView(client.Id, client.Name, request.Series, false, basis, viaCase?.Number ?? "", entries);
    }

    /// <summary>
    /// Appends an entry (or a correction of an earlier one in the same series) under the same rule as
    /// reading. Nothing is ever changed or deleted.
    /// </summary>
    public JournalEntryData AddJournalEntry(SessionInfo actor, JournalEntryRequest request)
    {
        InputLimits.Check(request);
        if (string.IsNullOrWhiteSpace(request.Text))
        {
            throw new JourException(ErrorCodes.JournalTextRequired);
        }

        Client client = _store.FindClient(request.ClientId)
            ?? throw new JourException(ErrorCodes.ClientNotFound, request.ClientId.ToString(CultureInfo.InvariantCulture));
        (JournalAccessLevel level, _) = JournalAccessFor(actor, client.Id);
        if (level == JournalAccessLevel.Refused)
        {
            throw new JourException(ErrorCodes.JournalRefused);
        }

        if (level == JournalAccessLevel.ReasonRequired && string.IsNullOrWhiteSpace(request.Reason))
        {
            throw new JourException(ErrorCodes.JournalReasonRequired);
        }

        JournalEntry entry;
        lock (_gate.Lock)
        {
            if (request.CorrectsId is { } corrects)
            {
                // A correction stays in its own client's own series: a SoL note never corrects an LSS one.
                JournalEntry? original = _store.FindJournalEntry(corrects);
                if (original is null || original.ClientId != client.Id || original.Series != request.Series)
                {
                    throw new JourException(ErrorCodes.JournalEntryNotFound, corrects.ToString(CultureInfo.InvariantCulture));
                }
            }

            entry = _store.AppendJournalEntry(new JournalEntry
            {
                ClientId = client.Id,
                Series = request.Series,
                AtUtc = UtcNow,
                AuthorId = actor.UserId,
                Text = request.Text.Trim(),
                CorrectsId = request.CorrectsId,
            });
        }

        Wrote();
        LogJournalEntry(entry.Id, client.Id, actor.UserId);
        return new JournalEntryData(entry.Id, entry.AtUtc, actor.UserName, entry.Text, entry.CorrectsId);
    }

    /// <summary>
    /// The access log for MAS/MAR and admins: emergency accesses first, then the newest first, filtered by
    /// period and optionally by user and client.
    /// </summary>
    public IReadOnlyList<AccessLogRow> GetAccessLog(SessionInfo actor, AccessLogQuery query)
    {
        if (query.ToUtc <= query.FromUtc)
        {
            throw new JourException(ErrorCodes.PeriodInvalid);
        }

        var users = UserNames();
        var clients = _store.LoadClients().ToDictionary(c => c.Id, c => c.Name);
        var staff = _store.LoadStaff().ToDictionary(s => s.Id, s => Messages.Format("AccessLog_Assistant", [s.Name]));
        var caseNumbers = new Dictionary<long, string>();
        string CaseNumber(long? id)
        {
            if (id is not { } caseId)
            {
                return "";
            }

            if (!caseNumbers.TryGetValue(caseId, out string? number))
            {
                number = _store.FindCase(caseId)?.Number ?? "";
                caseNumbers[caseId] = number;
            }

            return number;
        }

        return
        [
            .. _store.LoadAccessLog(Utc(query.FromUtc), Utc(query.ToUtc), query.ClientId)
                .Where(e => query.UserId is not { } u || e.UserId == u)
                .OrderByDescending(e => e.IsEmergency)
                .ThenByDescending(e => e.AtUtc)
                .ThenByDescending(e => e.Id)
                .Select(e => new AccessLogRow(
                    e.Id,
                    e.AtUtc,
                    e.UserId,
                    users.GetValueOrDefault(e.UserId, "?"),
                    e.ClientId,
                    e.AssistantId is { } assistant ? staff.GetValueOrDefault(assistant, "?")
                        : e.Basis == AccessBasis.Export ? ""
                        : clients.GetValueOrDefault(e.ClientId, "?"),
                    e.What,
                    e.Basis,
                    CaseNumber(e.CaseId),
                    e.Reason)),
        ];
    }

    /// <summary>An assistant in full for the staff form, with the full personnummer, so the read is logged.</summary>
    public StaffData GetStaffMember(SessionInfo actor, long assistantId)
    {
        StaffData data = GetStaffMember(assistantId);
        if (data.PersonalIdentityNumber.Length > 0)
        {
            lock (_gate.Lock)
            {
                _store.AppendAccess(new AccessLogEntry
                {
                    AtUtc = UtcNow,
                    UserId = actor.UserId,
                    AssistantId = data.Id,
                    What = AccessedData.AssistantPersonalNumber,
                    Basis = AccessBasis.Register,
                });
            }

            Wrote();
        }

        return data;
    }

    /// <summary>
    /// How <paramref name="actor"/> may reach a client's journal, and the open case that makes them one of
    /// those concerned: a case whose timeline they wrote in (opened, moved, noted, verified, staffed), or any
    /// open case of the client when they are the officer on call now.
    /// </summary>
    private (JournalAccessLevel Level, Case? ViaCase) JournalAccessFor(SessionInfo actor, long clientId)
    {
        var open = _store.LoadOpenCases().Where(c => c.ClientId == clientId).OrderByDescending(c => c.ReceivedUtc).ToList();
        Case? via = null;
        if (open.Count > 0 && (actor.Roles & (Role.OnCallOfficer | Role.Coordinator)) != 0)
        {
            via = open.FirstOrDefault(c => _store.LoadTimeline(c.Id).Any(e => e.UserId == actor.UserId));
            if (via is null && actor.Roles.HasFlag(Role.OnCallOfficer) && GetOnCallAt(UtcNow).Current?.OfficerId == actor.UserId)
            {
                via = open[0];
            }
        }

        JournalAccessLevel level = JournalAccess.Decide(actor.Roles, via is not null);
        return (level, level == JournalAccessLevel.Granted && !actor.Roles.HasFlag(Role.MedicalResponsible) ? via : null);
    }

    /// <summary>Records an export in the access log (no client: the entry's reason says where the data went).</summary>
    public bool RecordExport(SessionInfo actor, RecordExport request)
    {
        if (request.What is not (AccessedData.InvoiceBasisExport or AccessedData.StatisticsExport or AccessedData.AccessLogExport))
        {
            throw new JourException(ErrorCodes.BadRequest, "record-export");
        }

        TextLimits.Reason.Check(request.Where);
        LogAccess(actor, 0, request.What, AccessBasis.Export, null, request.Where);
        return true;
    }

    private static AccessBasis Basis(SessionInfo actor, JournalAccessLevel level) =>
        level == JournalAccessLevel.ReasonRequired ? AccessBasis.Emergency
        : actor.Roles.HasFlag(Role.MedicalResponsible) ? AccessBasis.MedicalResponsible
        : AccessBasis.OnCase;

    /// <summary>Appends to the access log; emergency reads also go to the service log (ids only) as warnings.</summary>
    private void LogAccess(SessionInfo actor, long clientId, AccessedData what, AccessBasis basis, Case? viaCase, string reason)
    {
        lock (_gate.Lock)
        {
            _store.AppendAccess(new AccessLogEntry
            {
                AtUtc = UtcNow,
                UserId = actor.UserId,
                ClientId = clientId,
                What = what,
                Basis = basis,
                CaseId = viaCase?.Id,
                Reason = reason,
            });
        }

        Wrote();
        if (basis == AccessBasis.Emergency)
        {
            LogEmergencyAccess(actor.UserId, clientId, what);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Emergency access by user {UserId} to client {ClientId}: {What}")]
    private partial void LogEmergencyAccess(long userId, long clientId, AccessedData what);

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal entry {EntryId} for client {ClientId} by user {UserId}")]
    private partial void LogJournalEntry(long entryId, long clientId, long userId);
}
