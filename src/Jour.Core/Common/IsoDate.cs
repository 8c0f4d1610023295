using System.Globalization;

namespace Jour.Core.Common;

/// <summary>A calendar date as stored and typed: yyyy-MM-dd, whatever the culture.</summary>
public static class IsoDate
{
    public const string Pattern = "yyyy-MM-dd";

    /// <summary>The date, or null when empty or unreadable.</summary>
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text?.Trim(), Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly d) ? d : null;

    public static string Format(DateOnly date) => date.ToString(Pattern, CultureInfo.InvariantCulture);
}
