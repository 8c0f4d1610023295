using Jour.Core.Common;
using Jour.Tui.Resources;

namespace Jour.Tui.Shell;

/// <summary>
/// The one check of a form's date field: a day written yyyy-MM-dd, refused with the server's own words for a
/// bad date (the typed text named), so every form says it the same way; an empty required one is "required".
/// </summary>
public static class DateField
{
    public static string? Required(string typed) =>
        typed.Trim().Length == 0 ? UiText.Form_Required
        : IsoDate.Parse(typed) is null ? Messages.Format(ErrorCodes.DateInvalid, [typed.Trim()])
        : null;

    /// <summary>Empty, or a day.</summary>
    public static string? Optional(string typed) => typed.Trim().Length == 0 ? null : Required(typed);
}
