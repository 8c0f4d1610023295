using Jour.Core.Clients;
using Jour.Core.UseCases;
using Jour.Tui.Intake;
using Jour.Tui.Registers;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// Pick lists (issue 18): typing filters the matches, arrows choose, Enter takes, the field then shows the
/// chosen one in full; a refused save never replaces what was typed.
/// </summary>
public sealed class PickListTests
{
    [Fact]
    public async Task TheClientField_ListsTheMatches_ArrowsChoose_EnterTakesTheChosenInFull()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        IReadOnlyList<ClientSummary> clients = await session.Service.SendAsync(new GetClients());
        string surname = clients.GroupBy(c => c.Name.Split(' ')[^1]).First(g => g.Count() >= 2).Key;
        var matching = clients.Where(c => c.Name.Contains(surname, StringComparison.CurrentCultureIgnoreCase)).ToList();

        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Type(surname.ToLowerInvariant()[..5]);
        string listed = session.WaitFor("↑ ↓ väljer");
        foreach (ClientSummary c in matching.Take(NewCaseScreen.MaxPicks))
        {
            Assert.Contains(c.Name, listed, StringComparison.Ordinal);
        }

        session.Press(Key.CursorDown, Key.Enter);
        var form = (NewCaseScreen)session.Shell!.CurrentScreen;
        string chosen = form.Fields[0].Value;
        Assert.Contains(chosen[..^9], matching.Select(c => c.Name));
        Assert.Matches(@" \d{8}$", chosen);
        Assert.Equal(0, form.Fields.ToList().IndexOf(form.Fields.First(f => f.Name == "client")));
        session.WaitFor("→ " + chosen[..^9]);
    }

    [Fact]
    public async Task ARefusedSave_KeepsWhatWasTyped_InTheField()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        IReadOnlyList<ClientSummary> clients = await session.Service.SendAsync(new GetClients());
        string surname = clients.GroupBy(c => c.Name.Split(' ')[^1]).First(g => g.Count() >= 2).Key;

        session.Press(new Key('n'));
        session.WaitFor("Nytt ärende");
        session.Type(surname);
        session.Press(Key.S.WithCtrl);

        string refused = session.WaitFor("träffar");
        string fieldRow = refused.Split('\n').First(l => l.Contains("Brukare", StringComparison.Ordinal));
        Assert.Contains(surname + "_", fieldRow, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStaffFormsKnownClients_TakesAPickForTheEntryBeingTyped()
    {
        using HeadlessSession session = await HeadlessSession.StartAsync();
        session.WaitFor("Öppna ärenden");
        IReadOnlyList<ClientSummary> clients = await session.Service.SendAsync(new GetClients());
        ClientSummary only = clients.First(c => clients.Count(o => o.Name.Split(' ')[^1] == c.Name.Split(' ')[^1]) == 1);
        string lower = only.Name.Split(' ')[^1].ToLowerInvariant();

        session.Press(Key.F4);
        session.WaitFor("Beredskapspersonal");
        session.Press(new Key('n'));
        var form = (StaffFormScreen)session.Shell!.CurrentScreen;
        while (session.Shell.CurrentScreen == form && form.Current.Name != "known")
        {
            session.Press(Key.CursorDown);
        }

        session.Type(lower);
        session.Press(Key.CursorDown); // leaving the field takes the one match in full

        FormFieldAssert(form, "known", only.Name);
        Assert.Equal("", form.Fields.First(f => f.Name == "known").Error);
    }

    private static void FormFieldAssert(Shell.FormScreen form, string name, string contains) =>
        Assert.Contains(contains, form.Fields.First(f => f.Name == name).Value, StringComparison.Ordinal);
}
