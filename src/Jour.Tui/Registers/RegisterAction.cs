using Terminal.Gui.Input;

namespace Jour.Tui.Registers;

/// <summary>A key on a register screen: open the selected row, create one, go to a related register.</summary>
public sealed record RegisterAction<T>(Key Key, string KeyName, string Hint, string Help, bool NeedsRow, Action<T?> Run)
{
    /// <summary>Letters match in either case, without Ctrl or Alt.</summary>
    public bool Matches(Key key) =>
        key == Key || (Key.AsRune.Value is >= 'a' and <= 'z' && !key.IsCtrl && !key.IsAlt
                       && char.ToLowerInvariant((char)key.AsRune.Value) == (char)Key.AsRune.Value);
}
