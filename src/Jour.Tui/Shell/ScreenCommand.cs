namespace Jour.Tui.Shell;

/// <summary>
/// One thing a user can do on a screen, declared once: its stable name (what a key file rebinds), its keys,
/// its help text and its word in the hint line. Dispatch, F1 help and the hint line are all read from it.
/// </summary>
public sealed class ScreenCommand
{
    private ScreenCommand(string name, IReadOnlyList<KeyChord> keys, string help, string? hint, Action? run, Func<string?>? whyNot, string? keyLabel)
    {
        Name = name;
        Keys = keys;
        Help = help;
        Hint = hint;
        Run = run;
        WhyNot = whyNot;
        KeyLabel = keyLabel ?? string.Join(" ", keys.Select(k => k.Label));
    }

    /// <summary>Stable across versions and languages: <c>case.note</c>, <c>global.quit</c>.</summary>
    public string Name { get; }

    /// <summary>The keys in force: the defaults, or what the user's key file says.</summary>
    public IReadOnlyList<KeyChord> Keys { get; }

    /// <summary>As the help shows the keys.</summary>
    public string KeyLabel { get; }

    public string Help { get; }

    /// <summary>The word after the key in the hint line; null: only in the help.</summary>
    public string? Hint { get; }

    /// <summary>Null for keys the screen reads itself (arrows in a list): they are listed and kept apart, not dispatched here.</summary>
    public Action? Run { get; }

    /// <summary>Why the command cannot be used now (shown when its key is pressed); null when it can.</summary>
    public Func<string?>? WhyNot { get; }

    /// <summary>The hint as shown: the first key's label and the word.</summary>
    public string? HintText => Hint is null || Keys.Count == 0 ? null : $"{Keys[0].Label} {Hint}";

    /// <param name="name">Stable name, for the key file.</param>
    /// <param name="keys">Default keys, comma-separated (<c>"F2,Alt+A"</c>).</param>
    /// <param name="help">The help's line.</param>
    /// <param name="hint">The hint line's word, or null.</param>
    /// <param name="run">What the key does.</param>
    /// <param name="whyNot">Why not now, or null when it can run.</param>
    public static ScreenCommand Of(string name, string keys, string help, string? hint, Action run, Func<string?>? whyNot = null) =>
        new(name, KeyMap.Current.KeysFor(name, keys), help, hint, run, whyNot, null);

    /// <summary>Keys the screen handles itself (list movement, typing), declared so help lists them and no command takes them.</summary>
    public static ScreenCommand Handled(string name, string keys, string help, string? keyLabel = null, string? hint = null) =>
        new(name, KeyMap.Defaults.KeysFor(name, keys), help, hint, null, null, keyLabel);

    /// <summary>A list's movement keys (read by <see cref="ListModel{T}.Navigate"/>).</summary>
    public static ScreenCommand ListMovement() =>
        Handled("list.move", "Up,Down,PgUp,PgDn,Home,End", Resources.UiText.Help_List_Move);

    /// <summary>A list's filter key (read by <see cref="ListModel{T}.HandleFilterKey"/>).</summary>
    public static ScreenCommand ListFilter() =>
        Handled("list.filter", "/", Resources.UiText.Help_List_Filter, hint: Resources.UiText.Hint_Filter);

    public bool Matches(Terminal.Gui.Input.Key key) => Keys.Any(k => k.Matches(key));
}
