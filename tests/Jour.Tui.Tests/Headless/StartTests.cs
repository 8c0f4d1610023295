using System.Reflection;
using Jour.Core.Sessions;
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
        ClientSummary client = (await session.Service.GetClientsAsync())[3];

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
        ClientSummary first = (await session.Service.GetClientsAsync())[0];

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

    private static IJourService ClientsWaitFor(IJourService inner, Task arrive)
    {
        IJourService proxy = DispatchProxy.Create<IJourService, ClientsHeldBack>();
        var held = (ClientsHeldBack)proxy;
        held.Inner = inner;
        held.Arrive = arrive;
        return proxy;
    }

    /// <summary>The service, except that the client register's reply waits for <see cref="Arrive"/>.</summary>
    public class ClientsHeldBack : DispatchProxy
    {
        internal IJourService Inner { get; set; } = null!;

        internal Task Arrive { get; set; } = Task.CompletedTask;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (targetMethod!.Name == nameof(IJourService.GetClientsAsync))
            {
                return HeldBackAsync((CancellationToken)args![0]!);
            }

            try
            {
                return targetMethod.Invoke(Inner, args);
            }
            catch (TargetInvocationException ex) when (ex.InnerException is not null)
            {
                throw ex.InnerException;
            }
        }

        private async Task<IReadOnlyList<ClientSummary>> HeldBackAsync(CancellationToken cancellationToken)
        {
            await Arrive.WaitAsync(cancellationToken);
            return await Inner.GetClientsAsync(cancellationToken);
        }
    }
}
