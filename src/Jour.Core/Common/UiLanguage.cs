using System.Globalization;

namespace Jour.Core.Common;

/// <summary>The languages Jour speaks: Swedish by default, English available.</summary>
public static class UiLanguage
{
    public static CultureInfo Swedish { get; } = CultureInfo.GetCultureInfo("sv-SE");

    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>The culture for a language as given (<c>sv</c>, <c>en</c>, or a culture name such as <c>en-GB</c>); null for any other.</summary>
    public static CultureInfo? Of(string? language) => language?.Split('-')[0].ToLowerInvariant() switch
    {
        "sv" => Swedish,
        "en" => English,
        _ => null,
    };
}
