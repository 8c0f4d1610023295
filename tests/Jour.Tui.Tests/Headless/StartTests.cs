using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.UseCases;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests.Headless;

/// <summary>
/// The first frame shows the board before the registers (clients, assistants, providers, officers) have
/// arrived; what the officer types meanwhile waits for them and is then handled, in order.
/// </summary>
public sealed class StartTests
{
    [Fact]
    public async Task KeysTypedBeforeTheRegistersArrive_AreHandledInOrderOnceTheyDo()
    {
        var clientsArrive = new TaskCompletionSource();
        using HeadlessSession session = await HeadlessSession.StartAsync(wrap: s => ClientsWaitFor(s, clientsArrive.Task));
        session.WaitFor("Öppna ärenden");
        Assert.Empty(session.Shell!.Session.Clients);
        ClientSummary client = (await session.Service.SendAsync(new GetClients()))[3];

        session.Press(new Key('n'));
        session.Type(client.Name);
        string title = session.Screen.Split('\n')[0];
        Assert.Contains("Ärenden", title, StringComparison.Ordinal); // still the board: the keys wait
        Assert.DoesNotContain("Nytt ärende", title, StringComparison.Ordinal);

        clientsArrive.SetResult();
        string form = session.WaitFor("→ " + client.Name);
        Assert.Contains("Nytt ärende", form.Split('\n')[0], StringComparison.Ordinal);
        Assert.NotEmpty(session.Shell.Session.Clients);
    }

    [Fact]
    public async Task AScreenOpenedBeforeTheRegistersArrive_ShowsThemWhenTheyDo()
    {
        var clientsArrive = new TaskCompletionSource();
        using HeadlessSession session = await HeadlessSession.StartAsync(wrap: s => ClientsWaitFor(s, clientsArrive.Task));
        session.WaitFor("Öppna ärenden");
        ClientSummary first = (await session.Service.SendAsync(new GetClients()))[0];

        session.Press(Key.F5);
        clientsArrive.SetResult();
        session.WaitFor("Brukare", first.Name);
    }

    [Fact]
    public async Task AServerThatDoesNotAnswer_KeepsTheKeysAFewSecondsOnly()
    {
        var clientsArrive = new TaskCompletionSource();
        using HeadlessSession session = await HeadlessSession.StartAsync(wrap: s => ClientsWaitFor(s, clientsArrive.Task));
        session.WaitFor("Öppna ärenden");

        session.Press(new Key('n'));
        Assert.Contains("Ärenden", session.Screen.Split('\n')[0], StringComparison.Ordinal);
        session.Time.Advance(TimeSpan.FromSeconds(3));
        string form = session.WaitFor("Nytt ärende", "Brukare");
        Assert.Contains("Nytt ärende", form.Split('\n')[0], StringComparison.Ordinal);

        clientsArrive.SetResult();
    }

    private static ClientsHeldBack ClientsWaitFor(IJourService inner, Task arrive) => new(inner, arrive);

    /// <summary>The service, except that the client register's answer waits for <paramref name="arrive"/>.</summary>
    private sealed class ClientsHeldBack(IJourService inner, Task arrive) : IJourService
    {
        public event Action<ChangeNotice>? Changed
        {
            add => inner.Changed += value;
            remove => inner.Changed -= value;
        }

        public string? SetUpCode => inner.SetUpCode;

        public async Task<TAnswer> SendAsync<TAnswer>(IRequest<TAnswer> request, CancellationToken cancellationToken = default)
        {
            if (request is GetClients)
            {
                await arrive.WaitAsync(cancellationToken);
            }

            return await inner.SendAsync(request, cancellationToken);
        }

        public void Dispose() => inner.Dispose();
    }
}
