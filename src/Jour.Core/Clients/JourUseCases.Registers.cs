using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Identity;
using Jour.Core.Providers;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// The client and provider registers: one record in full, and saving it with every field checked.
public sealed partial class JourUseCases
{
    /// <summary>A client in full, for the client form: the full personnummer and the access note, so the read is logged.</summary>
    public ClientData GetClient(SessionInfo actor, long clientId)
    {
        Client c = _store.FindClient(clientId) ?? throw new JourException(ErrorCodes.ClientNotFound, clientId.ToString(CultureInfo.InvariantCulture));
        LogAccess(actor, c.Id, AccessLog.AccessedData.PersonalNumberAndAccessNote, AccessLog.AccessBasis.Register, null, "");
        return ToData(c);
    }

    /// <summary>Creates (<see cref="ClientData.Id"/> 0) or updates a client against the revision the user saw.</summary>
    public ClientData SaveClient(SessionInfo actor, ClientData data)
    {
        InputLimits.Check(data);
        PersonalIdentityNumber number = ValidateClient(data);
        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(UtcNow).ToDateTimeUnspecified());
        Client saved;
        lock (_gate.Lock)
        {
            if (_store.LoadClients().Any(c => c.Id != data.Id && c.PersonalIdentityNumber == number.Value))
            {
                throw new JourException(ErrorCodes.DuplicatePersonalNumber);
            }

            if (data.ProviderId is { } providerId && _store.FindProvider(providerId) is null)
            {
                throw new JourException(ErrorCodes.ProviderNotFound, providerId.ToString(CultureInfo.InvariantCulture));
            }

            var client = new Client
            {
                Id = data.Id,
                Name = data.Name.Trim(),
                PersonalIdentityNumber = number.Value,
                Sex = number.IsFemale ? Sex.Female : Sex.Male,
                Address = data.Address.Trim(),
                AccessNote = data.AccessNote.Trim(),
                ProviderId = data.IsSelfEmployer ? null : data.ProviderId,
                IsSelfEmployer = data.IsSelfEmployer,
                GrantedHoursPerWeek = data.GrantedHoursPerWeek,
                Basis = data.Basis,
                Needs = CleanList(data.Needs),
                DelegatedTasks = CleanList(data.DelegatedTasks),
                Representatives = [.. data.Representatives.Select(r => new Representative { Kind = r.Kind, Name = r.Name.Trim(), Phone = r.Phone.Trim(), PersonalNumber = RepresentativeNumber(r.PersonalNumber, today) })],
                Revision = data.Revision,
            };
            if (data.Id == 0)
            {
                saved = _store.AddClient(client);
            }
            else
            {
                if (_store.FindClient(data.Id) is null)
                {
                    throw new JourException(ErrorCodes.ClientNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
                }

                if (!_store.TryUpdateClient(client, data.Revision))
                {
                    throw new JourException(ErrorCodes.ClientChangedByOther);
                }

                saved = client;
            }
        }

        LogClientSaved(saved.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Client, saved.Id));
        return ToData(saved);
    }

    public IReadOnlyList<ProviderData> GetProviders()
    {
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return [.. _store.LoadProviders().OrderBy(p => p.Name, compare).Select(ToData)];
    }

    /// <summary>Creates (<see cref="ProviderData.Id"/> 0) or updates a provider against the revision the user saw.</summary>
    public ProviderData SaveProvider(SessionInfo actor, ProviderData data)
    {
        InputLimits.Check(data);
        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        if (!OrganisationNumber.TryParse(data.OrganisationNumber, out OrganisationNumber org, out IdentityNumberError error))
        {
            throw new JourException(PersonalIdentityNumber.ErrorMessageKey(error));
        }

        if (data.Phone.Trim().Length > 0 && !IsPhoneNumber(data.Phone))
        {
            throw new JourException(ErrorCodes.PhoneInvalid);
        }

        foreach (ContactData contact in data.Contacts)
        {
            if (string.IsNullOrWhiteSpace(contact.Name) || !IsPhoneNumber(contact.Phone))
            {
                throw new JourException(ErrorCodes.PhoneInvalid);
            }
        }

        Provider saved;
        lock (_gate.Lock)
        {
            if (_store.LoadProviders().Any(p => p.Id != data.Id && p.OrganisationNumber == org.Value))
            {
                throw new JourException(ErrorCodes.DuplicateOrganisationNumber);
            }

            var provider = new Provider
            {
                Id = data.Id,
                Name = data.Name.Trim(),
                OrganisationNumber = org.Value,
                HasFTax = data.HasFTax,
                Permit = data.Permit,
                Status = data.Status,
                Phone = data.Phone.Trim(),
                Contacts = [.. data.Contacts.Select(c => new ContactPerson { Name = c.Name.Trim(), Phone = c.Phone.Trim() })],
                Revision = data.Revision,
            };
            if (data.Id == 0)
            {
                saved = _store.AddProvider(provider);
            }
            else if (!_store.TryUpdateProvider(provider, data.Revision))
            {
                throw new JourException(ErrorCodes.ProviderChangedByOther);
            }
            else
            {
                saved = provider;
            }
        }

        LogProviderSaved(saved.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Provider, saved.Id));
        return ToData(saved);
    }

    private PersonalIdentityNumber ValidateClient(ClientData data)
    {
        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(UtcNow).ToDateTimeUnspecified());
        if (!PersonalIdentityNumber.TryParse(data.PersonalIdentityNumber, today, out PersonalIdentityNumber number, out IdentityNumberError error))
        {
            throw new JourException(PersonalIdentityNumber.ErrorMessageKey(error));
        }

        if (!data.IsSelfEmployer && data.ProviderId is null)
        {
            throw new JourException(ErrorCodes.ProviderOrSelfEmployer);
        }

        if (data.GrantedHoursPerWeek is < 0 or > 168)
        {
            throw new JourException(ErrorCodes.HoursInvalid);
        }

        foreach (RepresentativeData r in data.Representatives)
        {
            if (string.IsNullOrWhiteSpace(r.Name) || (r.Phone.Trim().Length > 0 && !IsPhoneNumber(r.Phone)))
            {
                throw new JourException(ErrorCodes.PhoneInvalid);
            }
        }

        return number;
    }

    /// <summary>A representative's number as stored (twelve digits), empty when none is given; a wrong one is refused.</summary>
    private static string RepresentativeNumber(string text, DateOnly today) =>
        text.Trim().Length == 0 ? ""
        : PersonalIdentityNumber.TryParse(text, today, out PersonalIdentityNumber number, out IdentityNumberError error) ? number.Value
        : throw new JourException(PersonalIdentityNumber.ErrorMessageKey(error));

    private static List<string> CleanList(IEnumerable<string> items) =>
        [.. items.Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    private static ClientData ToData(Client c) => new(
        c.Id,
        c.Name,
        c.PersonalIdentityNumber,
        c.Address,
        c.AccessNote,
        c.ProviderId,
        c.IsSelfEmployer,
        c.GrantedHoursPerWeek,
        c.Basis,
        [.. c.Needs],
        [.. c.DelegatedTasks],
        [.. c.Representatives.Select(r => new RepresentativeData(r.Kind, r.Name, r.Phone, r.PersonalNumber))],
        c.Revision);

    private static ProviderData ToData(Provider p) => new(
        p.Id,
        p.Name,
        p.OrganisationNumber,
        p.HasFTax,
        p.Permit,
        p.Status,
        p.Phone,
        [.. p.Contacts.Select(c => new ContactData(c.Name, c.Phone))],
        p.Revision);

    [LoggerMessage(Level = LogLevel.Information, Message = "Client {ClientId} saved by user {UserId}")]
    private partial void LogClientSaved(long clientId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider {ProviderId} saved by user {UserId}")]
    private partial void LogProviderSaved(long providerId, long userId);
}
