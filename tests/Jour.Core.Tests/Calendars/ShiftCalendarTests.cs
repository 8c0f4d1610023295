using System.Text;
using Jour.Core.Calendars;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Storage;
using Jour.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Calendars;

/// <summary>The on-call schedule and an assistant's deployments as calendars, from the demo data on the real store.</summary>
public sealed class ShiftCalendarTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;

    public ShiftCalendarTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void TwelveMonthsOfTheSchedule_PassTheStrictCheck_OneEventAShift_AcrossBothChangesOfSummerTime()
    {
        var slots = _useCases.GetOnCall(s_now, s_now.AddMonths(12));

        string ics = ShiftCalendar.OnCall(slots, null, s_now);
        List<string> errors = StrictIcs.Check(Encoding.UTF8.GetBytes(ics), out var events);

        Assert.Empty(errors);
        Assert.Equal(slots.Count, events.Count);
        Assert.InRange(events.Count, 700, 760); // two twelve-hour shifts a day
        Assert.All(events, e => Assert.Equal("TRANSPARENT", e["TRANSP"]));

        // The night shift 19-07 lasts 13 hours on the fall-back night and 11 on the spring-forward night.
        Assert.Equal("20261025T060000Z", events.Single(e => e["DTSTART"] == "20261024T170000Z")["DTEND"]);
        Assert.Equal("20270328T050000Z", events.Single(e => e["DTSTART"] == "20270327T180000Z")["DTEND"]);
    }

    [Fact]
    public void Uids_AreTheSameInTwoExports_AndFollowWhoAndWhen()
    {
        var slots = _useCases.GetOnCall(s_now, s_now.AddDays(7));

        string first = ShiftCalendar.OnCall(slots, null, s_now);
        string second = ShiftCalendar.OnCall(_useCases.GetOnCall(s_now, s_now.AddDays(7)), null, s_now.AddHours(3));
        StrictIcs.Check(Encoding.UTF8.GetBytes(first), out var a);
        StrictIcs.Check(Encoding.UTF8.GetBytes(second), out var b);

        Assert.Equal(a.Select(e => e["UID"]), b.Select(e => e["UID"]));
        Assert.NotEqual(a[0]["DTSTAMP"], b[0]["DTSTAMP"]);
        Assert.Equal(a.Count, a.Select(e => e["UID"]).Distinct().Count());
        OnCallSlot s = slots[0];
        Assert.Equal($"oncall-{s.OfficerId}-{IcsWriter.Instant(s.StartUtc)}@jour", a[0]["UID"]);
    }

    [Fact]
    public void AnOverride_ShowsItsKind_NeverItsFreeTextReason()
    {
        var officers = _useCases.GetOfficers();
        var actor = _useCases.SignIn(officers[0].Id, "");
        DateTime from = s_now.AddDays(2), to = s_now.AddDays(3);
        _useCases.AddOverride(actor, new OverrideRequest(officers[1].Id, from, to, "Anna Svensson 19500101-1234 behöver henne"));

        string ics = ShiftCalendar.OnCall(_useCases.GetOnCall(from, to), officers[1].Name, s_now);

        Assert.Empty(StrictIcs.Check(Encoding.UTF8.GetBytes(ics), out var events));
        var e = Assert.Single(events);
        Assert.Equal(Messages.Get("OverrideKind_Cover"), e["DESCRIPTION"]);
        Assert.DoesNotContain("19500101", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Svensson", ics, StringComparison.Ordinal);
    }

    [Fact]
    public void AssistantDeployments_AreOnlyTheConfirmedOnes_WithCaseNumberAndArea_NoClientData()
    {
        var c = _store.LoadOpenCases().First(x => _store.FindClient(x.ClientId)!.Address.Contains(',', StringComparison.Ordinal));
        var client = _store.FindClient(c.ClientId)!;
        long assistant = _store.LoadStaff().First(a => !a.IsBlocked).Id;
        long other = _store.LoadStaff().Last(a => !a.IsBlocked).Id;
        DateTime t = s_now.AddDays(20);
        Deployment Add(long who, DateTime from, DeploymentState state, bool replace = false) => _store.AddDeployment(new Deployment
        {
            CaseId = c.Id,
            AssistantId = who,
            FromUtc = from,
            ToUtc = from.AddHours(8),
            State = state,
            NeedsReplacement = replace,
            CreatedUtc = s_now,
        });
        Deployment confirmed = Add(assistant, t, DeploymentState.Confirmed);
        Add(assistant, t.AddDays(1), DeploymentState.Proposed);
        Add(assistant, t.AddDays(2), DeploymentState.Cancelled);
        Add(assistant, t.AddDays(3), DeploymentState.Confirmed, replace: true);
        Add(other, t.AddDays(4), DeploymentState.Confirmed);
        Add(assistant, t.AddDays(400), DeploymentState.Confirmed);

        var mine = _useCases.GetAssistantDeployments(new GetAssistantDeployments(assistant, t.AddDays(-1), t.AddDays(30)));

        var d = Assert.Single(mine);
        Assert.Equal(confirmed.Id, d.DeploymentId);
        Assert.Equal(c.Number, d.CaseNumber);
        Assert.Equal(Jour.Core.CallOuts.SmsText.Area(client.Address), d.Area);
        Assert.NotEqual("", d.Area);

        string ics = ShiftCalendar.Deployments(mine, "Test Testsson", s_now);
        Assert.Empty(StrictIcs.Check(Encoding.UTF8.GetBytes(ics), out var events));
        Assert.Equal($"deployment-{confirmed.Id}@jour", Assert.Single(events)["UID"]);
        Assert.Contains(c.Number, ics, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Name, ics, StringComparison.Ordinal);
        Assert.DoesNotContain(client.PersonalIdentityNumber, ics, StringComparison.Ordinal);
        Assert.DoesNotContain(client.Address.Split(',')[0], ics, StringComparison.Ordinal);
    }

    [Fact]
    public void AssistantDeployments_AnUnknownAssistantOrAnEmptyPeriod_IsRefused()
    {
        var unknown = Assert.Throws<JourException>(() => _useCases.GetAssistantDeployments(new GetAssistantDeployments(999_999, s_now, s_now.AddDays(1))));
        Assert.Equal(ErrorCodes.AssistantNotFound, unknown.Code);
        long assistant = _store.LoadStaff()[0].Id;
        var empty = Assert.Throws<JourException>(() => _useCases.GetAssistantDeployments(new GetAssistantDeployments(assistant, s_now, s_now)));
        Assert.Equal(ErrorCodes.PeriodInvalid, empty.Code);
    }
}
