using System.Diagnostics;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>The first-admin screen of a new database with its one-time code, and fields that stop at their limit.</summary>
public sealed class SetUpScreenTests
{
    [Fact]
    public async Task AFirstStart_ThatStartedTheServer_ShowsItsCode_FillsItIn_AndCreatesTheAdmin()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(newRealDatabase: true);
        string screen = session.WaitFor("skapa administratör", session.SetUpCode!);
        Assert.Contains("redan ifylld", screen, StringComparison.Ordinal);

        session.Type("Ada Admin");
        session.Press(Key.Enter);
        session.Type("4711");
        session.Press(Key.Enter);
        session.Type("4711");
        session.Press(Key.Enter);
        Assert.Contains("Engångskod: " + session.SetUpCode, session.WaitFor("Engångskod:"), StringComparison.Ordinal);
        session.Press(Key.Enter);

        session.WaitFor("Inloggad: Ada Admin");
        Assert.False((await session.Service.SendAsync(new GetInstallInfo())).NeedsSetup);
    }

    [Fact]
    public async Task AFirstStart_OnAServerItDidNotStart_AsksForTheCode_AWrongOneIsAskedAgain_KeepingNameAndPin()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(newRealDatabase: true, startedTheServer: false);
        string screen = session.WaitFor("skapa administratör", "jour users setup-code");
        Assert.DoesNotContain(session.SetUpCode!, screen, StringComparison.Ordinal);

        session.Type("Ada Admin");
        session.Press(Key.Enter);
        session.Type("4711");
        session.Press(Key.Enter);
        session.Type("4711");
        session.Press(Key.Enter);
        session.WaitFor("Engångskod:");
        session.Type("0000-0000-0000-0000");
        session.Press(Key.Enter);

        // A wrong code is answered after the delay it earned, on the use cases' clock.
        WaitWhileTimePasses(session, "Engångskoden stämmer inte");
        session.Press(Key.U.WithCtrl);
        session.Type(session.SetUpCode!.ToLowerInvariant());
        session.Press(Key.Enter);

        session.WaitFor("Inloggad: Ada Admin");
    }

    [Fact]
    public async Task TheNameOnTheFirstStart_StopsAtItsLimit_WithTheLimitNamed()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync(newRealDatabase: true);
        session.WaitFor("skapa administratör");

        session.Type(new string('a', TextLimits.Name.Max + 3));

        session.WaitFor("Namnet får vara högst 200 tecken");
    }

    [Fact]
    public void ThePromptLine_TakesNoMoreThanItsLimit_AndSaysWhy_ThenTypingGoesOnAfterADeletion()
    {
        var prompt = new PromptLine();
        string? submitted = null;
        prompt.Open("Anteckning:", text => submitted = text, limit: TextLimits.Note);

        for (int i = 0; i < TextLimits.Note.Max + 10; i++)
        {
            prompt.HandleKey(new Key('x'));
        }

        Assert.Equal(TextLimits.Note.Max, prompt.Text.Length);
        Assert.Equal("Anteckningen får vara högst 4\u00a0000 tecken.", prompt.Error);
        prompt.HandleKey(Key.Backspace);
        prompt.HandleKey(new Key('y'));
        Assert.Equal("", prompt.Error);
        prompt.HandleKey(Key.Enter);
        Assert.Equal(TextLimits.Note.Max, submitted!.Length);
        Assert.EndsWith("y", submitted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFormField_StopsAtItsLimit_WhereItIsTyped()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Press(Key.Enter, Key.Enter, Key.Enter); // to the caller's name

        session.Type(new string('E', TextLimits.Name.Max + 2));

        session.WaitFor("Namnet får vara högst 200 tecken");
        Assert.Contains(new string('E', 20), session.Screen, StringComparison.Ordinal);
    }

    private static void WaitWhileTimePasses(HeadlessSession session, string text)
    {
        var clock = Stopwatch.StartNew();
        while (!session.Screen.Contains(text, StringComparison.Ordinal) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            session.Time.Advance(TimeSpan.FromSeconds(1));
            Thread.Sleep(20);
        }

        session.WaitFor(text);
    }
}
