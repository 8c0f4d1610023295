using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace Jour.Core.Tests.Sessions;

/// <summary>
/// Timeline entries are stored as a code with arguments and rendered by whoever reads them, in their own
/// language (issue 17): a server started in English must not leave English text in the timeline.
/// </summary>
public sealed class TimelineLanguageTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);
    private static readonly CultureInfo s_swedish = CultureInfo.GetCultureInfo("sv-SE");
    private static readonly CultureInfo s_english = CultureInfo.GetCultureInfo("en-GB");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _officer;
    private readonly CultureInfo _culture = CultureInfo.CurrentUICulture;

    public TimelineLanguageTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _officer = _useCases.SignIn(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "");
    }

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _culture;
        _store.Dispose();
    }

    [Fact]
    public void EntriesWrittenByAnEnglishServer_ReadInSwedishBySwedishReaders_AndInEnglishByEnglishOnes()
    {
        CultureInfo.CurrentUICulture = s_english;
        (long caseId, string assistant) = ACaseThroughItsLife();

        CultureInfo.CurrentUICulture = s_swedish;
        var swedish = _useCases.GetCase(caseId).Timeline.Select(e => e.Render()).ToList();
        CultureInfo.CurrentUICulture = s_english;
        var english = _useCases.GetCase(caseId).Timeline.Select(e => e.Render()).ToList();

        Assert.Equal(
            [
                "Ärende öppnat: Sjukdom/personalbrist",
                "",
                "Verifiering – Anordnarens alternativ uttömda (2026-10-24 13:50): Inga egna vikarier",
                "Verifiering – Steg 1: krisbemanningscentret kontaktat (2026-10-24 14:00): Ingen personal",
                "Verifiering – Steg 2: beredskapspoolen (2026-10-24 14:00): Poolen",
                "",
                $"Insats bekräftad: {assistant} 2026-10-24 22:00–07:00",
                "Alla fönster de närmaste 24 h bemannade.",
                "Brukaren sover, ring inte före 08",
                "Tidsredovisning 2026-10-24 22:00–07:00: 9,5 h",
                $"Tidsredovisning signerad av assistenten {assistant}",
                "Ny anordnare har tagit över – Avtalat med anordnaren",
            ],
            swedish);
        Assert.Equal(
            [
                "Case opened: Sickness/staff shortage",
                "",
                "Verification – Provider's alternatives exhausted (2026-10-24 13:50): Inga egna vikarier",
                "Verification – Step 1: crisis staffing centre contacted (2026-10-24 14:00): Ingen personal",
                "Verification – Step 2: standby pool (2026-10-24 14:00): Poolen",
                "",
                $"Deployment confirmed: {assistant} 2026-10-24 22:00–07:00",
                "Every window of the next 24 h staffed.",
                "Brukaren sover, ring inte före 08",
                "Time report 2026-10-24 22:00–07:00: 9,5 h",
                $"Time report signed by the assistant {assistant}",
                "A new provider has taken over – Avtalat med anordnaren",
            ],
            english);
    }

    [Fact]
    public void WhatIsStored_IsCodesAndArguments_NeverTextInTheWritersLanguage()
    {
        CultureInfo.CurrentUICulture = s_english;
        (long caseId, string assistant) = ACaseThroughItsLife();

        var stored = _store.LoadTimeline(caseId);

        Assert.All(stored, e => Assert.NotNull(e.Code));
        Assert.All(stored, e => Assert.Equal("", e.Text));
        Assert.Contains(stored, e => e.Code == TimelineText.Deployment && e.Args.SequenceEqual([assistant, "2026-10-24T20:00:00Z", "2026-10-25T06:00:00Z", nameof(DeploymentState.Confirmed)]));
        Assert.Contains(stored, e => e.Code == TimelineText.HandedBack && e.Args.SequenceEqual([nameof(ClosingReason.NewProvider), "Avtalat med anordnaren"]));
        Assert.Contains(stored, e => e.Code == TimelineText.TimeReport && e.Args[2] == "9.5");
        Assert.DoesNotContain(stored, e => e.Args.Any(a => a.Contains("Case opened", StringComparison.Ordinal) || a.Contains("confirmed", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnEntryStoredBeforeCodes_StillReadsAsItsStoredText_InEitherLanguage()
    {
        CaseDetail c = NewCase();

        // As LiteDB holds an entry written before issue 17: no Code, no Args, the text in the server's language.
        _store.Database.GetCollection("case_events", BsonAutoId.Int64).Insert(new BsonDocument
        {
            [nameof(CaseEvent.CaseId)] = c.Summary.Id,
            [nameof(CaseEvent.AtUtc)] = s_now.AddMinutes(1),
            [nameof(CaseEvent.UserId)] = _officer.UserId,
            [nameof(CaseEvent.Text)] = "Ringde anordnaren, ingen svarar",
        });

        CaseEvent old = _store.LoadTimeline(c.Summary.Id).Single(e => e.Code is null);
        Assert.Empty(old.Args);
        foreach (CultureInfo reader in new[] { s_swedish, s_english })
        {
            CultureInfo.CurrentUICulture = reader;
            Assert.Equal("Ringde anordnaren, ingen svarar", old.Render());
            TimelineEntry entry = _useCases.GetCase(c.Summary.Id).Timeline.Single(e => e.Code is null);
            Assert.Equal("Ringde anordnaren, ingen svarar", entry.Render());
        }
    }

    [Fact]
    public void TheHandoverPrintout_IsSwedish_AndReadsNoTimelineEntry()
    {
        CultureInfo.CurrentUICulture = s_english;
        (long caseId, _) = ACaseThroughItsLife();
        _useCases.AddNote(_officer, new NoteRequest(NewCase().Summary.Id, "Portkoden är 4711"));

        CultureInfo.CurrentUICulture = s_swedish;
        string printout = _useCases.GetHandover(new HandoverRequest(null, false, false, true)).Text;

        Assert.Contains("ÖVERLÄMNING", printout, StringComparison.Ordinal);
        Assert.DoesNotContain("Portkoden", printout, StringComparison.Ordinal);
        Assert.DoesNotContain("Avtalat med anordnaren", printout, StringComparison.Ordinal);
        foreach (string said in _useCases.GetCase(caseId).Timeline.Select(e => e.Render()).Where(t => t.Length > 0))
        {
            Assert.DoesNotContain(said, printout, StringComparison.Ordinal);
        }
    }

    private static DateTime Local(int month, int day, int hour) =>
        SwedishTime.Zone.AtStrictly(new LocalDateTime(2026, month, day, hour, 0)).ToDateTimeUtc();

    private CaseDetail NewCase() => _useCases.CreateCase(_officer, new NewCaseRequest(
        _useCases.GetClients()[1].Id, _useCases.GetProviders()[0].Id, false, CaseReason.SicknessOrStaffShortage, "Eva Lind", "070-123 45 67",
        [new NeedWindowData(Local(10, 24, 22), Local(10, 25, 7), 1, [], 0)], Urgency.High, ""));

    /// <summary>A case opened, verified, accepted, staffed, noted, reported, signed and handed back: one entry of each kind.</summary>
    private (long CaseId, string Assistant) ACaseThroughItsLife()
    {
        CaseDetail c = NewCase();
        long id = c.Summary.Id;
        c = _useCases.Fire(_officer, new TransitionRequest(id, CaseTrigger.StartAssessment, "", c.Summary.Revision));
        c = _useCases.RecordVerification(_officer, new VerificationRequest(id, null, s_now.AddMinutes(-10), "Inga egna vikarier", c.Summary.Revision));
        c = _useCases.RecordVerification(_officer, new VerificationRequest(id, PriorityStep.CrisisStaffingCentreContacted, s_now, "Ingen personal", c.Summary.Revision));
        c = _useCases.RecordVerification(_officer, new VerificationRequest(id, PriorityStep.StandbyPool, s_now, "Poolen", c.Summary.Revision));
        c = _useCases.Fire(_officer, new TransitionRequest(id, CaseTrigger.Accept, "", c.Summary.Revision));
        long assistantId = _useCases.GetCandidates(new CandidateRequest(id, 0)).Candidates.First(x => x.IsEligible).AssistantId;
        c = _useCases.Assign(_officer, new AssignRequest(id, 0, assistantId, DeploymentState.Confirmed, ""));
        _useCases.AddNote(_officer, new NoteRequest(id, "Brukaren sover, ring inte före 08"));
        long deployment = c.Deployments.Single().Id;
        c = _useCases.ReportTime(_officer, new TimeReportRequest(deployment, Local(10, 24, 22), Local(10, 25, 7), 30));
        c = _useCases.Sign(_officer, new SignRequest(deployment, true, _store.FindStaff(assistantId)!.PersonalIdentityNumber));
        _useCases.Fire(_officer, new TransitionRequest(id, CaseTrigger.HandBack, "Avtalat med anordnaren", c.Summary.Revision, ClosingReason.NewProvider));
        return (id, _store.FindStaff(assistantId)!.Name);
    }
}
