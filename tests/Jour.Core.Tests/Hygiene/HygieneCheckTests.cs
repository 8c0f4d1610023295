using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Hygiene;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Hygiene;

/// <summary>Seed 000: egenkontroller of the basic hygiene routines, recurring per assistant, with a follow-up.</summary>
public sealed class HygieneCheckTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 12, 6, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public HygieneCheckTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _admin = _useCases.SignIn(_store.LoadUsers().First(u => u.Roles == Role.Admin).Id, "");
    }

    public void Dispose() => _store.Dispose();

    [Theory]
    [InlineData(null, "2026-12-06", true)]
    [InlineData("2025-12-07", "2026-12-06", false)]
    [InlineData("2025-12-06", "2026-12-05", false)]
    [InlineData("2025-12-06", "2026-12-06", true)]
    [InlineData("2026-12-06", "2026-12-06", false)]
    public void AnAssistant_IsDue_WithNoCheckOrTheLatestOlderThanTheInterval(string? checkedOn, string today, bool due)
    {
        List<HygieneCheck> checks = checkedOn is null ? [] : [new HygieneCheck { CheckedOn = "2020-01-01" }, new HygieneCheck { CheckedOn = checkedOn }];

        Assert.Equal(due, HygieneRoutines.IsDue(checks, IsoDate.Parse(today)!.Value, 12));
    }

    [Fact]
    public void ANotFollowedRoutine_RequiresAFollowUp_AndEveryRoutineIsAnswered()
    {
        long assistant = _store.LoadStaff()[0].Id;

        Assert.Equal(ErrorCodes.HygieneFollowUpRequired, Refused(new RecordHygieneCheck(assistant, "2026-12-01", Answers("Gloves"), "", null)));
        Assert.Equal(ErrorCodes.HygieneFollowUpRequired, Refused(new RecordHygieneCheck(assistant, "2026-12-01", Answers("Gloves"), "", new HygieneFollowUpData(" ", "2026-12-20"))));
        Assert.Equal(ErrorCodes.HygieneFollowUpBeforeCheck, Refused(new RecordHygieneCheck(assistant, "2026-12-01", Answers("Gloves"), "", new HygieneFollowUpData("Genomgång", "2026-11-20"))));
        Assert.Equal(ErrorCodes.HygieneItemsIncomplete, Refused(new RecordHygieneCheck(assistant, "2026-12-01", Answers()[1..], "", null)));
        Assert.Equal(ErrorCodes.HygieneItemsIncomplete, Refused(new RecordHygieneCheck(assistant, "2026-12-01", [.. Answers(), new HygieneItemData("Gloves", true)], "", null)));
        Assert.Equal(ErrorCodes.HygieneCheckInFuture, Refused(new RecordHygieneCheck(assistant, "2026-12-07", Answers(), "", null)));
        Assert.Empty(_store.LoadHygieneChecks());

        HygieneCheckData all = _useCases.Send(_admin, new RecordHygieneCheck(assistant, "2026-12-01", Answers(), "Bra", new HygieneFollowUpData("ignoreras", "2026-12-20")));
        Assert.Null(all.FollowUp);
        HygieneCheckData one = _useCases.Send(_admin, new RecordHygieneCheck(assistant, "2026-12-02", Answers("NoJewellery"), "", new HygieneFollowUpData("Tar av ringen", "2026-12-20")));
        Assert.Equal("Tar av ringen", one.FollowUp!.Action);
        Assert.Null(one.FollowUp.DoneOn);
        Assert.False(Assert.Single(one.Items, i => i.Item == "NoJewellery").Followed);
    }

    [Fact]
    public void AFollowUp_IsMarkedDoneOnce_AndTheStatusFollows()
    {
        long assistant = _store.LoadStaff()[0].Id;
        HygieneCheckData all = _useCases.Send(_admin, new RecordHygieneCheck(assistant, "2026-12-01", Answers(), "", null));
        HygieneCheckData check = _useCases.Send(_admin, new RecordHygieneCheck(assistant, "2026-12-02", Answers("ShortNails"), "", new HygieneFollowUpData("Klipp naglarna", "2026-12-10")));
        Assert.Equal(1, _useCases.GetHygieneStatus().Single(s => s.AssistantId == assistant).OpenFollowUps);

        Assert.Equal(ErrorCodes.HygieneNoFollowUp, Refused(new MarkHygieneFollowUpDone(all.Id, "2026-12-05")));
        Assert.Equal(ErrorCodes.HygieneFollowUpBeforeCheck, Refused(new MarkHygieneFollowUpDone(check.Id, "2026-12-01")));
        Assert.Equal("2026-12-05", _useCases.Send(_admin, new MarkHygieneFollowUpDone(check.Id, "2026-12-05")).FollowUp!.DoneOn);
        Assert.Equal(ErrorCodes.HygieneFollowUpAlreadyDone, Refused(new MarkHygieneFollowUpDone(check.Id, "2026-12-06")));

        HygieneStatus status = _useCases.GetHygieneStatus().Single(s => s.AssistantId == assistant);
        Assert.Equal((new DateOnly(2026, 12, 2), new DateOnly(2027, 12, 1), false, 0), (status.LastCheckedOn!.Value, status.ValidUntil!.Value, status.IsDue, status.OpenFollowUps));
        Assert.All(_useCases.GetHygieneStatus().Where(s => s.AssistantId != assistant), s => Assert.True(s.IsDue));
        Assert.Equal([check.Id, all.Id], _useCases.GetHygieneChecks(assistant).Checks.Select(c => c.Id));
    }

    [Fact]
    public void TheInterval_IsAPoolSetting_AndOnlyTheEmployerSeesChecks()
    {
        long assistant = _store.LoadStaff()[0].Id;
        _useCases.Send(_admin, new RecordHygieneCheck(assistant, "2026-06-01", Answers(), "", null));
        Assert.False(_useCases.GetHygieneStatus().Single(s => s.AssistantId == assistant).IsDue);

        Assert.Equal(ErrorCodes.HygieneIntervalInvalid, Refused(new SavePoolSettings(new PoolSettingsData(12, 0))));
        Assert.Equal(6, _useCases.Send(_admin, new SavePoolSettings(new PoolSettingsData(12, 6))).HygieneCheckIntervalMonths);
        Assert.True(_useCases.GetHygieneStatus().Single(s => s.AssistantId == assistant).IsDue);

        long officerId = _store.LoadUsers().First(u => u.Roles == Role.OnCallOfficer).Id;
        _useCases.ResetPin(_admin, new PinReset(officerId, "4826"));
        SessionInfo officer = _useCases.SignIn(officerId, "4826");
        Assert.Equal(ErrorCodes.HygieneNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(officer, new GetHygieneStatus())).Code);
    }

    private static HygieneItemData[] Answers(params string[] notFollowed) =>
        [.. HygieneRoutines.Items.Select(i => new HygieneItemData(i, !notFollowed.Contains(i)))];

    private string Refused<T>(IRequest<T> request) => Assert.Throws<JourException>(() => _useCases.Send(_admin, request)).Code;
}
