using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The contract and invoicing settings from the reports screen, as finance and as an officer.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task ContractEnd_IsCheckedAtTheField_AnOfficerIsRefusedKeepingIt_FinanceSaves_AndTheStatusBarAsks()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F6);
        session.WaitFor("S Avtal", "Avslutade, avslutsorsak: Anordnaren har återupptagit assistansen");
        session.Press(new Key('s'));
        session.WaitFor("Avtal och fakturering", "Avtalet gäller till");
        for (int i = 0; i < 8; i++)
        {
            session.Press(Key.CursorDown);
        }

        session.Press(Key.U.WithCtrl);
        session.Type("1/12");
        session.Press(Key.Enter);
        session.WaitFor("\"1/12\" är inget datum");
        session.Press(Key.CursorUp, Key.U.WithCtrl);
        session.Type("2026-12-01");
        session.Press(Key.S.WithCtrl);
        string refused = session.WaitFor("Bara ekonomi eller administratör");
        Assert.Contains("2026-12-01", refused, StringComparison.Ordinal);

        InstallInfo install = await session.Service.SendAsync(new GetInstallInfo());
        await session.Service.SendAsync(new SignInUser(install.Users.First(u => u.Name == "Per Andersson").Id, ""));
        session.Press(Key.S.WithCtrl);
        session.WaitFor("! Avtalet löper ut 2026-12-01: beslut om förlängning");
        Assert.Equal("2026-12-01", (await session.Service.SendAsync(new GetSettings())).ContractEnd);
        Assert.Empty(session.Errors);
    }
}
