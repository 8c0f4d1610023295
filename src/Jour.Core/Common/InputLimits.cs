using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Operations;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.Users;

namespace Jour.Core.Common;

/// <summary>
/// Which <see cref="TextLimits"/> each request's fields have: every use case that stores text calls its
/// <c>Check</c> first, so a request from any session, command or import is refused with the limit's message
/// before anything is written, and never reaches LiteDB's document limit. Lists are bounded too.
/// </summary>
internal static class InputLimits
{
    public static void Check(NoteRequest r) => TextLimits.Note.Check(r.Text);

    public static void Check(TransitionRequest r) => TextLimits.Reason.Check(r.Reason);

    public static void Check(VerificationRequest r) => TextLimits.Outcome.Check(r.Outcome);

    public static void Check(NewCaseRequest r)
    {
        TextLimits.Name.Check(r.CallerName);
        TextLimits.Phone.Check(r.CallerPhone);
        TextLimits.Description.Check(r.Description);
        TextLimits.CheckCount(r.Needs?.Count ?? 0);
        foreach (NeedWindowData window in r.Needs ?? [])
        {
            TextLimits.CheckEach(window.Competences, TextLimits.Term);
        }
    }

    public static void Check(ClientData d)
    {
        TextLimits.Name.Check(d.Name);
        TextLimits.Number.Check(d.PersonalIdentityNumber);
        TextLimits.Address.Check(d.Address);
        TextLimits.AccessNote.Check(d.AccessNote);
        TextLimits.CheckEach(d.Needs, TextLimits.Term);
        TextLimits.CheckEach(d.DelegatedTasks, TextLimits.Term);
        TextLimits.CheckCount(d.Representatives?.Count ?? 0);
        foreach (RepresentativeData representative in d.Representatives ?? [])
        {
            TextLimits.Name.Check(representative.Name);
            TextLimits.Phone.Check(representative.Phone);
            TextLimits.Number.Check(representative.PersonalNumber);
        }
    }

    public static void Check(ProviderData d)
    {
        TextLimits.Name.Check(d.Name);
        TextLimits.Number.Check(d.OrganisationNumber);
        TextLimits.Phone.Check(d.Phone);
        TextLimits.CheckCount(d.Contacts?.Count ?? 0);
        foreach (ContactData contact in d.Contacts ?? [])
        {
            TextLimits.Name.Check(contact.Name);
            TextLimits.Phone.Check(contact.Phone);
        }
    }

    public static void Check(StaffData d)
    {
        TextLimits.Name.Check(d.Name);
        TextLimits.Phone.Check(d.Phone);
        TextLimits.Number.Check(d.PersonalIdentityNumber);
        TextLimits.CheckEach(d.Competences, TextLimits.Term);
        TextLimits.CheckCount(d.Delegations?.Count ?? 0);
        foreach (DelegationData delegation in d.Delegations ?? [])
        {
            TextLimits.Term.Check(delegation.Task);
            TextLimits.Name.Check(delegation.IssuedBy);
        }

        TextLimits.CheckCount(d.Availability?.Count ?? 0);
        foreach (AvailabilityData availability in d.Availability ?? [])
        {
            TextLimits.Note.Check(availability.Note);
        }

        TextLimits.CheckCount(d.KnownClientIds?.Count ?? 0);
        TextLimits.CheckCount(d.ExcludedClientIds?.Count ?? 0);
    }

    public static void Check(JournalRequest r) => TextLimits.Reason.Check(r.Reason);

    public static void Check(JournalEntryRequest r)
    {
        TextLimits.JournalEntry.Check(r.Text);
        TextLimits.Reason.Check(r.Reason);
    }

    public static void Check(IncidentData d)
    {
        TextLimits.Description.Check(d.Description);
        TextLimits.Description.Check(d.Actions);
    }

    public static void Check(ComplaintData d)
    {
        TextLimits.Name.Check(d.From);
        TextLimits.Description.Check(d.About);
        TextLimits.Description.Check(d.Answer);
    }

    public static void Check(HandoverNotesRequest r) => TextLimits.HandoverNotes.Check(r.Notes);

    public static void Check(AssignRequest r)
    {
        TextLimits.Reason.Check(r.OverrideReason);
        TextLimits.Reason.Check(r.OverstaffReason);
    }

    public static void Check(DeploymentStateRequest r) => TextLimits.Reason.Check(r.OverstaffReason);

    public static void Check(BlockRequest r) => TextLimits.Reason.Check(r.Reason);

    public static void Check(SignRequest r) => TextLimits.Number.Check(r.PersonalNumber);

    public static void Check(OverrideRequest r) => TextLimits.Reason.Check(r.Reason);

    public static void Check(SwapRequest r) => TextLimits.Reason.Check(r.Reason);

    public static void Check(RotationData d)
    {
        TextLimits.Name.Check(d.Name);
        TextLimits.CheckCount(d.OfficerIds?.Count ?? 0);
        TextLimits.CheckCount(d.HandOffTimes?.Count ?? 0);
    }

    public static void Check(SettingsData d)
    {
        TextLimits.Name.Check(d.SupplierName);
        TextLimits.Number.Check(d.OrganisationNumber);
        TextLimits.Number.Check(d.VatNumber);
        TextLimits.Number.Check(d.FTax);
        TextLimits.Name.Check(d.CustomerName);
        TextLimits.Name.Check(d.CustomerReference);
        TextLimits.Address.Check(d.InvoiceAddress);
    }

    public static void Check(NewUserRequest r)
    {
        TextLimits.Name.Check(r.Name);
        TextLimits.Phone.Check(r.Phone);
    }

    public static void Check(DraftData d)
    {
        TextLimits.Term.Check(d.Form);
        TextLimits.CheckCount(d.Fields?.Count ?? 0);
        foreach ((string key, string value) in d.Fields ?? new Dictionary<string, string>())
        {
            TextLimits.Term.Check(key);
            TextLimits.DraftField.Check(value);
        }
    }
}
