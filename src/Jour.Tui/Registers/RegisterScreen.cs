using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Registers;

/// <summary>A filterable list screen over one kind of row (staff, clients, the on-call rota).</summary>
public sealed class RegisterScreen<T> : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly Func<SessionData, IReadOnlyList<T>> _rows;
    private readonly Func<int, string> _title;
    private readonly IReadOnlyList<(string Header, int Width, Func<T, string> Value)> _columns;
    private readonly Func<T, bool> _flagged;
    private readonly ListModel<T> _list;
    private readonly IReadOnlyList<RegisterAction<T>> _actions;

    public RegisterScreen(
        ShellView shell,
        string name,
        Func<int, string> title,
        Func<SessionData, IReadOnlyList<T>> rows,
        IReadOnlyList<(string Header, int Width, Func<T, string> Value)> columns,
        Func<T, bool>? flagged = null,
        IReadOnlyList<RegisterAction<T>>? actions = null)
    {
        _actions = actions ?? [];
        _shell = shell;
        Name = name;
        _title = title;
        _rows = rows;
        _columns = columns;
        _flagged = flagged ?? (_ => false);
        _list = new ListModel<T>(r => string.Join(' ', columns.Select(c => c.Value(r))));
        Reload();
    }

    public string Name { get; }

    public string Title => Name;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        .. _actions.Select(a => ScreenCommand.Of(a.Name, a.Keys, a.Help, a.Hint, () => a.Run(_list.Current), () => a.NeedsRow && _list.Current is null ? UiText.Register_NothingSelected : a.WhyNot?.Invoke())),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    public void Reload() => _list.SetRows(_rows(_shell.Session), (a, b) => Equals(a, b));

    public void Draw(Canvas canvas)
    {
        string heading = _title(_list.Visible.Count);
        if (_list.Filter.Length > 0)
        {
            heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
        }

        canvas.Line(0, heading);
        ListDrawing.Draw(canvas, _list, _columns, firstRow: 1, _flagged);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 2))
        {
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }
}
