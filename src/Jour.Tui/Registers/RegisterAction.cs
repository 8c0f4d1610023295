namespace Jour.Tui.Registers;

/// <summary>
/// Something a register screen does to its selected row (or to the register): a command of that screen, with
/// its stable name (<c>staff.block</c>), default keys, the hint line's word and the help's line.
/// </summary>
public sealed record RegisterAction<T>(string Name, string Keys, string? Hint, string Help, bool NeedsRow, Action<T?> Run);
