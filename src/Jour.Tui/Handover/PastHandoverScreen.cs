using Jour.Core.Handover;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Handover;

/// <summary>
/// A handover as it was handed over (notes and summary), with who acknowledged it when; opened with
/// <paramref name="acknowledge"/> it is the incoming officer's reading before K acknowledges it.
/// </summary>
public sealed class PastHandoverScreen(ShellView shell, HandoverRecordData handover, Action? acknowledge = null) : IScreen
{
    // The outgoing officer's own words come first: they are what the incoming one most needs before acknowledging.
    private readonly TextView _text = Text(handover.Notes.Trim().Length == 0
        ? handover.Text
        : Format.Text(UiText.Handover_NotesFirst, handover.OutgoingName) + "\n" + handover.Notes.Trim() + "\n\n" + handover.Text);

    public string Title => Format.Text(UiText.Handover_PastTitle, Format.When(handover.CreatedUtc, shell.UtcNow));

    public IReadOnlyList<ScreenCommand> Commands =>
    [
        .. acknowledge is null
            ? (IEnumerable<ScreenCommand>)[]
            : [ScreenCommand.Of("handover.acknowledge-read", "K", UiText.Help_Handover_AcknowledgeRead, UiText.Hint_Acknowledge, () => shell.Confirm(
                Format.Text(UiText.Handover_AckQuestion, handover.OutgoingName, Format.When(handover.CreatedUtc, shell.UtcNow)),
                acknowledge))],
        ScreenCommand.Handled("handover.scroll", "Up,Down,PgUp,PgDn,Home,End", UiText.Help_Handover_Scroll),
    ];

    public void Draw(Canvas canvas)
    {
        DateTime now = shell.UtcNow;
        string acknowledged = handover.AcknowledgedUtc is { } at
            ? Format.Text(UiText.Handover_AcknowledgedBy, handover.AcknowledgedByName ?? "?", Format.When(at, now))
            : UiText.Handover_NotAcknowledged;
        canvas.Line(0, $"{handover.OutgoingName} {canvas.Arrow} {handover.IncomingName ?? "?"}   {acknowledged}");
        _text.Draw(canvas, firstRow: 1);
    }

    public bool HandleKey(Key key) => _text.Scroll(key, shell.ContentRows - 1);

    private static TextView Text(string text)
    {
        var view = new TextView();
        view.SetText(text);
        return view;
    }
}
