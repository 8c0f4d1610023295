using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.Handover;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>
/// Every use case that stores text refuses a value over its field's limit (TextLimits) with the message that
/// names the limit, before it looks at anything else and before anything is written.
/// </summary>
public sealed class TextLimitsUseCaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public TextLimitsUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = 1_000 };
        long admin = _useCases.GetInstallInfo().Users.Single(u => u.Name == "Demo Admin").Id;

        // Every role, so that no refusal for want of a role comes before the limit's.
        _admin = _useCases.SignIn(admin, "") with { Roles = Role.Admin | Role.OnCallOfficer | Role.Coordinator | Role.MedicalResponsible | Role.Finance };
    }

    public void Dispose() => _store.Dispose();

    private static string Over(TextLimit limit) => new('x', limit.Max + 1);

    private static string At(TextLimit limit) => new('x', limit.Max);

    public static TheoryData<string> EnforcementPoints() =>
    [
        "AddNote", "Fire", "RecordVerification", "CreateCase", "CreateCaseCompetence", "SaveClient", "SaveClientNeeds", "SaveProvider",
        "SaveStaff", "GetJournal", "AddJournalEntry", "SaveIncident", "SaveComplaint", "HandOver", "Assign", "SetBlocked", "Sign",
        "AddOverride", "Swap", "SaveRotation", "SaveSettings", "AddUser", "SaveDraft", "SetUpFirstAdmin",
    ];

    [Theory]
    [MemberData(nameof(EnforcementPoints))]
    public void AValueOverItsLimit_IsRefused_WithTheLimitsMessage(string point)
    {
        (TextLimit limit, Action call) = Point(point);

        var ex = Assert.Throws<JourException>(call);

        Assert.Equal(limit.Code, ex.Code);
        Assert.Equal([limit.MaxText], ex.Args);
        Assert.Contains(limit.MaxText, ex.Localized, StringComparison.Ordinal);
        Assert.DoesNotContain("Error_", ex.Localized, StringComparison.Ordinal);
    }

    [Fact]
    public void ANote_OfExactlyTheLimit_IsSaved_OneMore_IsRefused_AndNothingIsWritten()
    {
        CaseSummary open = _useCases.GetOpenCases()[0];
        int before = _useCases.GetCase(open.Id).Timeline.Count;

        var ex = Assert.Throws<JourException>(() => _useCases.AddNote(_admin, new NoteRequest(open.Id, Over(TextLimits.Note))));
        Assert.Equal(before, _useCases.GetCase(open.Id).Timeline.Count);
        Assert.Equal("Anteckningen får vara högst 4\u00a0000 tecken.", Messages.Format(ex.Code, ex.Args));

        _useCases.AddNote(_admin, new NoteRequest(open.Id, At(TextLimits.Note)));
        Assert.Equal(before + 1, _useCases.GetCase(open.Id).Timeline.Count);
    }

    [Fact]
    public void AClient_WithTooLongAnAddress_IsNotChanged()
    {
        long id = _useCases.GetClients()[0].Id;
        ClientData client = _useCases.GetClient(_admin, id);

        Assert.Throws<JourException>(() => _useCases.SaveClient(_admin, client with { Address = Over(TextLimits.Address) }));

        Assert.Equal(client.Address, _useCases.GetClient(_admin, id).Address);
    }

    [Fact]
    public void TooManyItems_InAList_AreRefused()
    {
        long id = _useCases.GetClients()[0].Id;
        ClientData client = _useCases.GetClient(_admin, id);

        var ex = Assert.Throws<JourException>(() => _useCases.SaveClient(_admin, client with { Needs = [.. Enumerable.Range(0, TextLimits.MaxItems + 1).Select(i => $"behov {i}")] }));

        Assert.Equal(TextLimits.TooManyItemsCode, ex.Code);
    }

    [Fact]
    public void EveryLimit_HasAMessageInBothLanguages_ThatNamesIt_AndStaysFarBelowLiteDbsDocumentLimit()
    {
        var limits = typeof(TextLimits).GetFields().Where(f => f.FieldType == typeof(TextLimit)).Select(f => (TextLimit)f.GetValue(null)!).ToList();
        Assert.NotEmpty(limits);
        foreach (string culture in new[] { "sv-SE", "en-GB" })
        {
            var previous = System.Globalization.CultureInfo.CurrentUICulture;
            System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
            try
            {
                Assert.All(limits, l => Assert.Contains(l.MaxText, l.Message, StringComparison.Ordinal));
                Assert.All(limits, l => Assert.DoesNotContain("Error_", l.Message, StringComparison.Ordinal));
            }
            finally
            {
                System.Globalization.CultureInfo.CurrentUICulture = previous;
            }
        }

        // The largest list of the largest field, in UTF-8 at 3 bytes a character: still under 16 MB.
        Assert.True((long)limits.Max(l => l.Max) * TextLimits.MaxItems * 3 < 16L * 1024 * 1024);
    }

    private (TextLimit Limit, Action Call) Point(string point)
    {
        CaseSummary open = _useCases.GetOpenCases()[0];
        long clientId = _useCases.GetClients()[0].Id;
        DateTime now = _time.GetUtcNow().UtcDateTime;
        return point switch
        {
            "AddNote" => (TextLimits.Note, () => _useCases.AddNote(_admin, new NoteRequest(open.Id, Over(TextLimits.Note)))),
            "Fire" => (TextLimits.Reason, () => _useCases.Fire(_admin, new TransitionRequest(open.Id, default, Over(TextLimits.Reason), 0))),
            "RecordVerification" => (TextLimits.Outcome, () => _useCases.RecordVerification(_admin, new VerificationRequest(open.Id, null, now, Over(TextLimits.Outcome), 0))),
            "CreateCase" => (TextLimits.Description, () => _useCases.CreateCase(_admin, new NewCaseRequest(clientId, null, true, default, "Eva", "070-123 45 67", [], default, Over(TextLimits.Description)))),
            "CreateCaseCompetence" => (TextLimits.Term, () => _useCases.CreateCase(_admin, new NewCaseRequest(clientId, null, true, default, "Eva", "070-123 45 67", [new NeedWindowData(now, now.AddHours(2), 1, [Over(TextLimits.Term)], 0)], default, ""))),
            "SaveClient" => (TextLimits.Name, () => _useCases.SaveClient(_admin, _useCases.GetClient(_admin, clientId) with { Name = Over(TextLimits.Name) })),
            "SaveClientNeeds" => (TextLimits.AccessNote, () => _useCases.SaveClient(_admin, _useCases.GetClient(_admin, clientId) with { AccessNote = Over(TextLimits.AccessNote) })),
            "SaveProvider" => (TextLimits.Phone, () => _useCases.SaveProvider(_admin, _useCases.GetProviders()[0] with { Phone = Over(TextLimits.Phone) })),
            "SaveStaff" => (TextLimits.Note, () => _useCases.SaveStaff(_admin, new StaffData(0, "Eva", "070-123 45 67", "", default, 40, [], [], [new AvailabilityData(now, now.AddHours(1), true, Over(TextLimits.Note))], [], [], false, 0))),
            "GetJournal" => (TextLimits.Reason, () => _useCases.GetJournal(_admin, new JournalRequest(clientId, default, Over(TextLimits.Reason)))),
            "AddJournalEntry" => (TextLimits.JournalEntry, () => _useCases.AddJournalEntry(_admin, new JournalEntryRequest(clientId, default, Over(TextLimits.JournalEntry), null, "uppföljning"))),
            "SaveIncident" => (TextLimits.Description, () => _useCases.SaveIncident(_admin, new IncidentData(0, default, now, clientId, null, null, "Fall", Over(TextLimits.Description), default, false, false, 0))),
            "SaveComplaint" => (TextLimits.Description, () => _useCases.SaveComplaint(_admin, new ComplaintData(0, default, now, "Anhörig", Over(TextLimits.Description), clientId, null, null, "", default, 0))),
            "HandOver" => (TextLimits.HandoverNotes, () => _useCases.HandOver(_admin, new HandoverNotesRequest(Over(TextLimits.HandoverNotes)))),
            "Assign" => (TextLimits.Reason, () => _useCases.Assign(_admin, new AssignRequest(open.Id, 0, 1, default, Over(TextLimits.Reason)))),
            "SetBlocked" => (TextLimits.Reason, () => _useCases.SetBlocked(_admin, new BlockRequest(1, true, Over(TextLimits.Reason)))),
            "Sign" => (TextLimits.Number, () => _useCases.Sign(_admin, new SignRequest(1, true, Over(TextLimits.Number)))),
            "AddOverride" => (TextLimits.Reason, () => _useCases.AddOverride(_admin, new OverrideRequest(_admin.UserId, now, now.AddHours(1), Over(TextLimits.Reason)))),
            "Swap" => (TextLimits.Reason, () => _useCases.Swap(_admin, new SwapRequest(now, now.AddDays(1), Over(TextLimits.Reason)))),
            "SaveRotation" => (TextLimits.Name, () => _useCases.SaveRotation(_admin, _useCases.GetRotation()! with { Name = Over(TextLimits.Name) })),
            "SaveSettings" => (TextLimits.Address, () => _useCases.SaveSettings(_admin, _useCases.GetSettings() with { InvoiceAddress = Over(TextLimits.Address) })),
            "AddUser" => (TextLimits.Name, () => _useCases.AddUser(_admin, new NewUserRequest(Over(TextLimits.Name), "", Role.OnCallOfficer, "2580"))),
            "SaveDraft" => (TextLimits.DraftField, () => _useCases.SaveDraft(_admin, new DraftData(JourUseCases.NewCaseForm, new Dictionary<string, string> { ["caller"] = Over(TextLimits.DraftField) }, now))),
            "SetUpFirstAdmin" => (TextLimits.SetUpCode, () => _useCases.SetUpFirstAdmin("Ada", "4711", Over(TextLimits.SetUpCode))),
            _ => throw new ArgumentOutOfRangeException(nameof(point)),
        };
    }
}
