using Jour.Core.Handover;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Handover;

/// <summary>A past handover, read-only: the summary as it was handed over, with who acknowledged it when.</summary>
public sealed class PastHandoverScreen(ShellView shell, HandoverRecordData handover) : IScreen
{
    private readonly TextView _text = Text(handover.Text);

    public string Title => Format.Text(UiText.Handover_PastTitle, Format.When(handover.CreatedUtc, shell.UtcNow));

    public IReadOnlyList<(string Key, string Text)> Help => [("↑ ↓ PgUp PgDn Home End", UiText.Help_Handover_Scroll)];

    public IReadOnlyList<string> KeyHints => [UiText.Key_Back];

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
