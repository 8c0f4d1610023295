using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// One key as the key map writes it (<c>N</c>, <c>Ctrl+S</c>, <c>Alt+K</c>, <c>F2</c>, <c>Shift+Tab</c>, <c>Up</c>):
/// parsed from a user's key file, matched against a pressed key, and labelled for the hint line and the help.
/// A plain letter matches with or without Shift, since a caps-locked keyboard at 03:00 must still work.
/// </summary>
public sealed class KeyChord : IEquatable<KeyChord>
{
    private static readonly Dictionary<string, (Key Key, string Label)> s_named = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Enter"] = (Key.Enter, "Enter"),
        ["Esc"] = (Key.Esc, "Esc"),
        ["Tab"] = (Key.Tab, "Tab"),
        ["Space"] = (Key.Space, "Space"),
        ["Backspace"] = (Key.Backspace, "Backspace"),
        ["Delete"] = (Key.Delete, "Del"),
        ["Up"] = (Key.CursorUp, "↑"),
        ["Down"] = (Key.CursorDown, "↓"),
        ["Left"] = (Key.CursorLeft, "←"),
        ["Right"] = (Key.CursorRight, "→"),
        ["PgUp"] = (Key.PageUp, "PgUp"),
        ["PgDn"] = (Key.PageDown, "PgDn"),
        ["Home"] = (Key.Home, "Home"),
        ["End"] = (Key.End, "End"),
        ["F1"] = (Key.F1, "F1"),
        ["F2"] = (Key.F2, "F2"),
        ["F3"] = (Key.F3, "F3"),
        ["F4"] = (Key.F4, "F4"),
        ["F5"] = (Key.F5, "F5"),
        ["F6"] = (Key.F6, "F6"),
        ["F7"] = (Key.F7, "F7"),
        ["F8"] = (Key.F8, "F8"),
        ["F9"] = (Key.F9, "F9"),
        ["F10"] = (Key.F10, "F10"),
        ["F11"] = (Key.F11, "F11"),
        ["F12"] = (Key.F12, "F12"),
    };

    private readonly Key? _key;
    private readonly char _letter;

    private KeyChord(string spec, Key? key, char letter, string label)
    {
        Spec = spec;
        _key = key;
        _letter = letter;
        Label = label;
    }

    /// <summary>As written in the key map and the key file.</summary>
    public string Spec { get; }

    /// <summary>As shown on screen: <c>^S</c>, <c>N</c>, <c>←</c>.</summary>
    public string Label { get; }

    /// <summary>Reads <paramref name="spec"/>; null when it names no key.</summary>
    public static KeyChord? TryParse(string spec)
    {
        string text = spec.Trim();
        bool ctrl = false, alt = false, shift = false;
        while (true)
        {
            if (text.StartsWith("Ctrl+", StringComparison.OrdinalIgnoreCase) && text.Length > 5)
            {
                ctrl = true;
                text = text[5..];
            }
            else if (text.StartsWith("Alt+", StringComparison.OrdinalIgnoreCase) && text.Length > 4)
            {
                alt = true;
                text = text[4..];
            }
            else if (text.StartsWith("Shift+", StringComparison.OrdinalIgnoreCase) && text.Length > 6)
            {
                shift = true;
                text = text[6..];
            }
            else
            {
                break;
            }
        }

        string prefix = (ctrl ? "^" : "") + (alt ? "Alt+" : "") + (shift ? "Shift+" : "");
        string canonical = (ctrl ? "Ctrl+" : "") + (alt ? "Alt+" : "") + (shift ? "Shift+" : "");
        if (s_named.TryGetValue(text, out var named))
        {
            Key key = named.Key;
            key = ctrl ? key.WithCtrl : key;
            key = alt ? key.WithAlt : key;
            key = shift ? key.WithShift : key;
            return new KeyChord(canonical + NamedSpec(text), key, '\0', prefix + named.Label);
        }

        if (text.Length != 1 || char.IsControl(text[0]) || char.IsWhiteSpace(text[0]))
        {
            return null;
        }

        char c = text[0];
        if (!ctrl && !alt)
        {
            // Shift+letter is the letter (see the class); Shift with a symbol is another symbol.
            return shift && !char.IsAsciiLetter(c) ? null : new KeyChord(char.ToUpperInvariant(c).ToString(), null, char.ToLowerInvariant(c), char.ToUpperInvariant(c).ToString());
        }

        if (!char.IsAsciiLetterOrDigit(c))
        {
            return null;
        }

        Key modified = new((KeyCode)char.ToUpperInvariant(c));
        modified = ctrl ? modified.WithCtrl : modified;
        modified = alt ? modified.WithAlt : modified;
        modified = shift ? modified.WithShift : modified;
        return new KeyChord(canonical + char.ToUpperInvariant(c), modified, '\0', prefix + char.ToUpperInvariant(c));
    }

    /// <summary>Reads a spec the program itself wrote; a typo there is a bug, not a user's mistake.</summary>
    public static KeyChord Parse(string spec) => TryParse(spec) ?? throw new ArgumentException("Not a key: " + spec, nameof(spec));

    /// <summary>A printable character without Ctrl or Alt: typed text where a screen takes text.</summary>
    public bool IsPlain => _key is null;

    public bool Matches(Key key) =>
        _key is { } expected
            ? key == expected
            : !key.IsCtrl && !key.IsAlt && key.AsRune.Value is > 0 and < 0x10000 && char.ToLowerInvariant((char)key.AsRune.Value) == _letter;

    public bool Equals(KeyChord? other) => other is not null && other.Spec == Spec;

    public override bool Equals(object? obj) => Equals(obj as KeyChord);

    public override int GetHashCode() => Spec.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => Spec;

    private static string NamedSpec(string text) => s_named.Keys.First(k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
}
