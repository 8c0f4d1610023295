using Jour.Core.Cases;
using Jour.Core.ShortTermCare;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>Issue 20 at 80x24: a register check recorded from the staff register; a case placed on a short-term unit.</summary>
public sealed class RecordsAndTheLawTests
{
    [Fact]
    public async Task R_OnTheStaffRegister_RecordsARegisterCheck_AndTheColumnShowsUntilWhen()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        StaffSummary none = (await session.Service.SendAsync(new GetStaff())).First(s => s.RegisterCheckValidUntil is null);

        // The employer checks the extract: a coordinator, not the officer on call.
        await session.SwitchUserAsync("Karin Ek");

        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal", "Regkontr.");
        session.Press(new Key('/'));
        session.Type(none.Name);
        session.Press(Key.Enter, new Key('r'));
        session.WaitFor("Registerkontroll för " + none.Name);
        session.Press(Key.Enter);

        // The prompt offered today (the session's clock): 2026-11-23, so it counts through 2027-11-22.
        session.WaitFor("registrerad, gäller t.o.m. 2027-11-22");
        StaffData data = await session.Service.SendAsync(new GetStaffMember(none.Id));
        RegisterCheckData check = Assert.Single(data.RegisterChecks!);
        Assert.Equal((new DateOnly(2026, 11, 23), new DateOnly(2027, 11, 22)), (check.ShownOn, check.ValidUntil));
        session.WaitFor("2027-11-22");
    }

    [Fact]
    public async Task K_OnACase_ListsTheUnitsWithFreePlaces_EnterAndJ_BookAndMoveTheCase()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        CaseSummary staffing = (await session.Service.SendAsync(new GetOpenCases())).First(c => c.State == CaseState.Staffing);

        session.Press(new Key('/'));
        session.Type(staffing.Number);
        session.Press(Key.Enter, Key.Enter);
        session.WaitFor("Tidslinje");
        session.Press(new Key('k'));
        session.WaitFor("Korttidsplats saknar", "steg 3");
        Assert.IsNotType<ShortTermCare.ShortTermPlacesScreen>(session.Shell!.CurrentScreen);

        CaseDetail before = await session.Service.SendAsync(new GetCase(staffing.Id));
        await session.Service.SendAsync(new VerificationRequest(staffing.Id, PriorityStep.ShortTermPlacement, session.Time.GetUtcNow().UtcDateTime.AddMinutes(-1), "Plats finns", before.Summary.Revision));
        session.Press(new Key('r'));
        session.WaitFor("korttidsplats via resurssakkunnig", "Plats finns");
        session.Press(new Key('k'));
        string units = session.WaitFor("Korttidsplats för " + staffing.Number, "Björkgårdens korttidsboende");
        Assert.Contains("Tallbackens korttids", units, StringComparison.Ordinal);

        session.Press(Key.Enter);
        session.WaitFor("Boka Björkgårdens korttidsboende för ärende " + staffing.Number + "? (j/n)");
        session.Press(new Key('j'));
        session.WaitFor("Läge: Korttidsplats");
        ShortTermRegister register = await session.Service.SendAsync(new GetShortTermUnits(null));
        Assert.Contains(register.Units.Single(u => u.Name == "Björkgårdens korttidsboende").Holders!, h => h.CaseId == staffing.Id);
    }
}
