using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Tui.Registers;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Handover;

/// <summary>
/// The handover (F7): the summary composed now, scrollable; N writes the notes and hands over, K lets the
/// incoming officer acknowledge the newest handover, H lists past handovers.
/// </summary>
public sealed class HandoverScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly TextView _text = new();
    private IReadOnlyList<HandoverRecordData> _history = [];
    private bool _loaded;
    private bool _visited;
    private int _loading;
    private int _again;

    public HandoverScreen(ShellView shell)
    {
        _shell = shell;
    }

    public string Title => UiText.Screen_Handover;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("handover.hand-over", "N", UiText.Help_Handover_Notes, UiText.Hint_HandOver, () => _shell.Push(new HandoverNotesScreen(_shell, this))),
        ScreenCommand.Of("handover.acknowledge", "K", UiText.Help_Handover_Acknowledge, UiText.Hint_Acknowledge, ReadAndAcknowledge, () => Pending is null ? UiText.Handover_NothingToAcknowledge : null),
        ScreenCommand.Of("handover.history", "H", UiText.Help_Handover_History, UiText.Hint_History, () => _shell.Push(HistoryScreen())),
        ScreenCommand.Handled("handover.scroll", "Up,Down,PgUp,PgDn,Home,End", UiText.Help_Handover_Scroll),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    /// <summary>The newest handover, when nobody has acknowledged it yet.</summary>
    public HandoverRecordData? Pending => _history.Count > 0 && _history[0].AcknowledgedUtc is null ? _history[0] : null;

    public IReadOnlyList<HandoverRecordData> History => _history;

    /// <summary>Composes the summary again in the background; calls that arrive meanwhile cause one more round.</summary>
    public void Reload()
    {
        // Composing costs the server a moment: only once the officer has looked at this screen.
        if (!_visited)
        {
            return;
        }

        Volatile.Write(ref _again, 1);
        if (Interlocked.Exchange(ref _loading, 1) == 1)
        {
            return;
        }

        _shell.RunInBackground(
            async () =>
            {
                (HandoverView View, IReadOnlyList<HandoverRecordData> History) result = default;
                while (Interlocked.Exchange(ref _again, 0) == 1)
                {
                    var view = _shell.Session.Service.SendAsync(new HandoverRequest(null, false, false, false));
                    var history = _shell.Session.Service.SendAsync(new GetHandovers());
                    result = (await view, await history);
                }

                return result;
            },
            result =>
            {
                Volatile.Write(ref _loading, 0);
                _text.SetText(result.View.Text);
                _history = result.History;
                _loaded = true;
            },
            _ => Volatile.Write(ref _loading, 0));
    }

    public void Draw(Canvas canvas)
    {
        if (!_loaded)
        {
            canvas.Line(0, UiText.Handover_Loading);
            if (!_visited)
            {
                _visited = true;
                Reload();
            }

            return;
        }

        DateTime now = _shell.UtcNow;
        string status;
        bool highlight = false;
        if (Pending is { } pending)
        {
            bool mine = pending.OutgoingName == _shell.Session.Session.UserName;
            status = mine
                ? Format.Text(UiText.Handover_PendingOwn, Format.When(pending.CreatedUtc, now), pending.IncomingName ?? "?")
                : "! " + Format.Text(UiText.Handover_Pending, pending.OutgoingName, Format.When(pending.CreatedUtc, now), Format.Ago(pending.CreatedUtc, now));
            highlight = !mine;
        }
        else if (_history.Count > 0 && _history[0] is { AcknowledgedUtc: { } ackAt } last)
        {
            status = Format.Text(UiText.Handover_Acknowledged, last.OutgoingName, Format.When(last.CreatedUtc, now), last.AcknowledgedByName ?? "?", Format.When(ackAt, now));
        }
        else
        {
            status = UiText.Handover_NoneYet;
        }

        canvas.Line(0, status, highlight);

        // Where in the text the page is goes on the status row, right-aligned where there is room: never over the
        // summary's own lines (its DEMO mark is on the first).
        int rows = canvas.Height - 1;
        _text.Draw(canvas, firstRow: 1);
        string position = $" {_text.Top + 1}–{Math.Min(_text.Lines.Count, _text.Top + rows)}/{_text.Lines.Count} ";
        if (_text.Lines.Count > rows && status.Length + position.Length < canvas.Width)
        {
            canvas.Text(canvas.Width - position.Length, 0, position);
        }
    }

    public bool HandleKey(Key key) => _text.Scroll(key, _shell.ContentRows - 1);

    // What is acknowledged is read first: the handed-over notes and summary, as handed over; K there asks.
    private void ReadAndAcknowledge()
    {
        HandoverRecordData pending = Pending!;
        _shell.Push(new PastHandoverScreen(_shell, pending, acknowledge: () =>
            _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new AcknowledgeHandover(pending.Id)),
                _ =>
                {
                    _shell.Pop();
                    Reload();
                    _shell.Session.RefreshInBackground(() => _shell.UtcNow);
                })));
    }

    private RegisterScreen<HandoverRecordData> HistoryScreen()
    {
        DateTime now = _shell.UtcNow;
        return new RegisterScreen<HandoverRecordData>(
            _shell,
            UiText.Handover_HistoryName,
            count => Format.Text(UiText.Handover_HistoryTitle, count),
            _ => _history,
            [
                (UiText.Col_HandedOver, 13, h => Format.When(h.CreatedUtc, now)),
                (UiText.Col_Outgoing, 22, h => h.OutgoingName),
                (UiText.Col_Incoming, 22, h => h.IncomingName ?? ""),
                (UiText.Col_Acknowledged, 21, h => h.AcknowledgedUtc is { } at ? $"{h.AcknowledgedByName} {Format.When(at, now)}" : UiText.Handover_NotAcknowledged),
            ],
            h => h.AcknowledgedUtc is null,
            [
                new RegisterAction<HandoverRecordData>("handovers.open", "Enter", UiText.Hint_Open, UiText.Help_Handover_Open, NeedsRow: true, h => _shell.Push(new PastHandoverScreen(_shell, h!))),
            ]);
    }
}
