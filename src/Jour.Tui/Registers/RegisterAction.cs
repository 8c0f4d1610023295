namespace Jour.Tui.Registers;

/// <summary>
/// Something a register screen does to its selected row (or to the register): a command of that screen, with
/// its stable name (<c>staff.block</c>), default keys, the hint line's word and the help's line; <paramref name="WhyNot"/>
/// says why it cannot run now (a role the user lacks), null when it can.
/// </summary>
public sealed record RegisterAction<T>(string Name, string Keys, string? Hint, string Help, bool NeedsRow, Action<T?> Run, Func<string?>? WhyNot = null);
