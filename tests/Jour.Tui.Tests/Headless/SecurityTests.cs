using System.Text.RegularExpressions;
using Jour.Core.Clients;
using Jour.Core.Demo;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The idle lock, switching user and kiosk mode, as an officer meets them at 80x24.</summary>
public sealed partial class SecurityTests
{
    [Fact]
    public async Task IdleTime_LocksTheScreen_HidingThePersonnummer_AndTheSameUserGetsTheFormBack()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F5);
        session.WaitFor("Brukare");
        session.Press(Key.Enter);
        // The register's column is also called Personnummer: wait for the form's full number itself.
        string form = session.Screen;
        for (int i = 0; i < 500 && !FullNumber().IsMatch(form); i++)
        {
            Thread.Sleep(10);
            form = session.Screen;
        }

        string number = FullNumber().Match(form).Value;
        Assert.NotEmpty(number);

        string user = session.Service.Session.User!.UserName;
        session.Time.Advance(TimeSpan.FromMinutes(5));
        string locked = session.WaitFor("Skärmen är låst", $"PIN för {user}");

        Assert.DoesNotContain(number, locked, StringComparison.Ordinal);
        Assert.DoesNotMatch(FullNumber(), locked);
        Assert.DoesNotMatch(@"\d{8}-", locked);
        Assert.True(session.Shell!.IsLocked);

        session.Press(Key.Enter); // a demo user without a PIN unlocks with an empty one
        string back = session.WaitFor(number);
        Assert.Contains("Personnummer", back, StringComparison.Ordinal);
        Assert.False(session.Shell.IsLocked);
    }

    [Fact]
    public async Task BeforeTheIdleTime_NothingLocks_AndEveryKeyStartsItAgain()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");

        session.Time.Advance(TimeSpan.FromMinutes(4));
        session.WaitFor("Öppna ärenden");
        session.Press(Key.CursorDown);
        session.Time.Advance(TimeSpan.FromMinutes(4));
        for (int i = 0; i < 40; i++)
        {
            _ = session.Screen; // let the second-timer tick
        }

        Assert.False(session.Shell!.IsLocked);
        Assert.Contains("Öppna ärenden", session.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CtrlL_Locks_AWrongPinIsRefused_TheRightOneUnlocks()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        SignInAsPinUser(session);

        session.Press(Key.L.WithCtrl);
        string locked = session.WaitFor("Skärmen är låst");
        Assert.DoesNotContain("Öppna ärenden", locked, StringComparison.Ordinal);

        session.Type("0000");
        session.Press(Key.Enter);
        session.WaitFor("Kontrollerar");
        WaitWhileTimePasses(session, "Inloggningen misslyckades"); // the server's delay after a failure
        Assert.True(session.Shell!.IsLocked);

        session.Type(DemoData.PinUserPin);
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden");
        Assert.False(session.Shell.IsLocked);
    }

    [Fact]
    public async Task AnAdmin_CanUnlockSomeoneElsesLock_WithTab()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        SignInAsPinUser(session);
        session.Press(Key.L.WithCtrl);
        session.WaitFor("Skärmen är låst");

        session.Press(Key.Tab);
        session.WaitFor("Administratör (namn):");
        session.Type("Demo Admin");
        session.Press(Key.Enter);
        session.Press(Key.Enter); // the demo admin has no PIN

        session.WaitFor("Öppna ärenden");
        Assert.False(session.Shell!.IsLocked);
    }

    [Fact]
    public async Task AltX_SignsOut_ToTheSignInScreen_WithNothingPersonalOnIt()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        string board = session.WaitFor("Öppna ärenden");
        string aClient = (await session.Service.SendAsync(new GetClients(), TestContext.Current.CancellationToken))[0].Name;

        session.Press(Key.X.WithAlt);
        string signIn = session.WaitFor("Logga in", "Användare:");

        Assert.DoesNotContain("Öppna ärenden", signIn, StringComparison.Ordinal);
        Assert.DoesNotContain(aClient, signIn, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b20\d\d-\d{4}\b", signIn); // no case numbers
        Assert.Null(session.Service.Session.User);

        // The next officer signs in (a demo user without a PIN).
        await SelectUserAsync(session, "Anna Lindqvist");
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden", "Inloggad: Anna Lindqvist");
        Assert.NotNull(session.Service.Session.User);
        Assert.Contains(board.Split('\n')[0][..10], session.Screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AltX_KeepsATypedFormAsADraft_ForItsUser()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        string user = session.Service.Session.User!.UserName;
        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Type("Ström");
        session.Press(Key.X.WithAlt);
        session.WaitFor("Logga in");

        await SelectUserAsync(session, user);
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden");
        session.Press(new Key('n'));
        session.WaitFor("Ström");
    }

    [Fact]
    public async Task Kiosk_CtrlCAndCtrlZ_DoNothing_AndQuittingNeedsAnAdmin()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(kiosk: true);
        session.WaitFor("Öppna ärenden");

        session.Press(Key.C.WithCtrl, Key.Z.WithCtrl, new Key('\\').WithCtrl);
        session.WaitFor("Öppna ärenden");

        session.Press(Key.Q.WithCtrl);
        session.WaitFor("Avsluta kräver administratör");
        session.Type("Anna Lindqvist");
        session.Press(Key.Enter, Key.Enter);
        WaitWhileTimePasses(session, "Inloggningen misslyckades");
        Assert.False(session.Shell!.QuitRequested);

        session.Press(Key.Q.WithCtrl);
        session.Type("Demo Admin");
        session.Press(Key.Enter, Key.Enter);
        for (int i = 0; i < 100 && !session.Shell.QuitRequested; i++)
        {
            Thread.Sleep(10);
            _ = session.Screen;
        }

        Assert.True(session.Shell.QuitRequested);
    }

    [Fact]
    public async Task Kiosk_AnUnexpectedError_ReturnsToTheSignInScreen()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(kiosk: true);
        session.WaitFor("Öppna ärenden");

        Assert.True(JourApp.HandleUnexpected(session.Window, new InvalidOperationException("boom"), session.Options, NullLogger.Instance));

        string screen = session.WaitFor("Logga in", "Användare:");
        Assert.DoesNotContain("Öppna ärenden", screen, StringComparison.Ordinal);
        Assert.Null(session.Service.Session.User);
    }

    [Fact]
    public async Task SignIn_WithTheDemosPin_AndAWrongPinIsRefusedWithoutAReason()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.X.WithAlt);
        string signIn = session.WaitFor("Logga in", "Sofia Nyström har PIN 1234", "Fem felaktiga försök");

        session.Press(Key.End, Key.Enter);
        session.WaitFor("PIN:");
        session.Type("9999");
        session.Press(Key.Enter);
        WaitWhileTimePasses(session, "Inloggningen misslyckades.");

        session.Type(DemoData.PinUserPin);
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden", DemoData.PinUserName);
        Assert.DoesNotContain("1234", signIn.Split('\n')[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersScreen_AnAdminAddsAUser_WhoThenSignsInWithThePin_AnOfficerSeesNothing()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(Key.F8);
        session.WaitFor("Bara en administratör hanterar användare.");

        session.Press(Key.X.WithAlt);
        session.WaitFor("Logga in");
        await SelectUserAsync(session, "Demo Admin");
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden");
        session.Press(Key.U.WithAlt);
        session.WaitFor("Användare (10)", "Sofia Nyström", "jourhavande");

        session.Press(new Key('n'));
        session.Type("Eva Ström");
        session.Press(Key.Enter);
        session.WaitFor("Roller");
        session.Press(Key.U.WithCtrl);
        session.Type("jourhavande,mas");
        session.Press(Key.Enter);
        session.Type("2580");
        session.Press(Key.Enter);
        session.Type("2580");
        session.Press(Key.Enter);
        string list = session.WaitFor("Eva Ström är tillagd", "Användare (11)");
        Assert.Contains(list.Split('\n'), l => l.Contains("Eva Ström", StringComparison.Ordinal) && l.Contains("jourhavande,mas", StringComparison.Ordinal));

        session.Press(Key.X.WithAlt);
        session.WaitFor("Logga in");
        await SelectUserAsync(session, "Eva Ström");
        session.Press(Key.Enter);
        session.WaitFor("PIN:");
        session.Type("2580");
        session.Press(Key.Enter);
        session.WaitFor("Inloggad: Eva Ström");
    }

    /// <summary>Waits for <paramref name="text"/> while the server's clock runs on (a failed PIN's answer waits 1–8 s on it).</summary>
    private static string WaitWhileTimePasses(HeadlessSession session, string text)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        string screen = session.Screen;
        while (!screen.Contains(text, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            session.Time.Advance(TimeSpan.FromMilliseconds(250));
            Thread.Sleep(20);
            screen = session.Screen;
        }

        Assert.Contains(text, screen, StringComparison.Ordinal);
        return screen;
    }

    /// <summary>Moves the sign-in list to <paramref name="name"/> (the list is the install's users, in order).</summary>
    [Fact]
    public async Task AddingAUser_AShortPinIsRefusedAtOnce_AndEscKeepsTheNameAndRoles()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        await session.SwitchUserAsync("Demo Admin");
        session.Press(Key.U.WithAlt);
        session.WaitFor("Användare (10)");

        session.Press(new Key('n'));
        session.Type("Eva Ström");
        session.Press(Key.Enter);
        session.WaitFor("Roller");
        session.Press(Key.U.WithCtrl);
        session.Type("jourhavande,mas");
        session.Press(Key.Enter);
        session.Type("123");
        session.Press(Key.Enter);

        // Refused at the first entry, where it was typed, not after typing it twice.
        string refused = session.WaitFor("PIN-koden måste vara minst 4 siffror.");
        Assert.Contains("PIN (minst 4 siffror):", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("PIN igen:", refused, StringComparison.Ordinal);

        // Leaving with Esc keeps what was typed before the PIN.
        session.Press(Key.Esc);
        session.Press(new Key('n'));
        session.WaitFor("Ny användare, namn: Eva Ström_");
        session.Press(Key.Enter);
        session.WaitFor("jourhavande,mas_");
    }

    private static Task SelectUserAsync(HeadlessSession session, string name) => session.SelectUserAsync(name);

    [Fact]
    public async Task AltK_ChangesTheUsersOwnPin_TypedHidden_AndTheNewOneUnlocks()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        SignInAsPinUser(session);

        session.Press(Key.K.WithAlt);
        session.WaitFor("Byt PIN – nuvarande PIN:");
        session.Type(DemoData.PinUserPin);
        session.Press(Key.Enter);
        session.WaitFor("Ny PIN (minst 4 siffror):");
        session.Type("741963");
        session.Press(Key.Enter);
        session.WaitFor("PIN igen:");
        session.Type("741964");
        session.Press(Key.Enter);
        string mismatch = session.WaitFor("PIN-koderna är olika");
        Assert.DoesNotContain("741963", mismatch, StringComparison.Ordinal);

        session.Press(Key.Backspace);
        session.Type("3");
        session.Press(Key.Enter);
        session.WaitFor("Din PIN är bytt.");

        session.Press(Key.L.WithCtrl);
        session.WaitFor("Skärmen är låst");
        session.Type("741963");
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden");
        Assert.False(session.Shell!.IsLocked);
    }

    private static void SignInAsPinUser(HeadlessSession session)
    {
        session.Press(Key.X.WithAlt);
        session.WaitFor("Logga in");
        session.Press(Key.End, Key.Enter); // Sofia Nyström sorts last
        session.WaitFor("PIN:");
        session.Type(DemoData.PinUserPin);
        session.Press(Key.Enter);
        session.WaitFor("Öppna ärenden", DemoData.PinUserName);
    }

    [GeneratedRegex(@"\b(19|20)\d{6}-\d{4}\b")]
    private static partial Regex FullNumber();
}
