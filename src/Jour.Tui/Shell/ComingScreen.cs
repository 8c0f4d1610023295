using Jour.Tui.Resources;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>A main screen whose issue has not landed yet; says so instead of pretending.</summary>
public sealed class ComingScreen(string title) : IScreen
{
    public string Title => title;

    public IReadOnlyList<ScreenCommand> Commands => [];

    public void Draw(Canvas canvas) => canvas.Line(1, "  " + Format.Text(UiText.Screen_Coming, title));

    public bool HandleKey(Key key) => false;
}
