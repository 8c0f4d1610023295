using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The invoicing settings from the reports screen, as finance and as an officer; the contract's notice in the status bar.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task AnOfficerIsRefusedKeepingTheEdit_FinanceSaves_AndTheStatusBarAsksForTheContractsExtension()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F6);
        session.WaitFor("S Fakturering", "Avslutade, avslutsorsak: Anordnaren har återupptagit assistansen");
        session.Press(new Key('s'));
        string form = session.WaitFor("Fakturering", "Kundens referens");
        Assert.DoesNotContain("Årlig ersättning", form, StringComparison.Ordinal);
        for (int i = 0; i < 5; i++)
        {
            session.Press(Key.CursorDown);
        }

        session.Press(Key.U.WithCtrl);
        session.Type("SON-2027-001");
        session.Press(Key.S.WithCtrl);
        string refused = session.WaitFor("Bara ekonomi eller administratör");
        Assert.Contains("SON-2027-001", refused, StringComparison.Ordinal);

        // The demo's contract ends 2027-01-31 with two weeks' notice: from 2027-01-17 the status bar asks.
        session.Time.SetUtcNow(new DateTimeOffset(2027, 1, 20, 8, 0, 0, TimeSpan.Zero));
        InstallInfo install = await session.Service.SendAsync(new GetInstallInfo());
        await session.Service.SendAsync(new SignInUser(install.Users.First(u => u.Name == "Per Andersson").Id, ""));
        session.Press(Key.S.WithCtrl);
        session.WaitFor("! Avtalet löper ut 2027-01-31: beslut om förlängning");
        Assert.Equal("SON-2027-001", (await session.Service.SendAsync(new GetSettings())).CustomerReference);
        Assert.Empty(session.Errors);
    }
}
