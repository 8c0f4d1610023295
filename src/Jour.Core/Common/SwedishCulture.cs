using System.Globalization;

namespace Jour.Core.Common;

/// <summary>sv-SE, for sorting and formatting that follow Swedish rules whatever the UI language.</summary>
public static class SwedishCulture
{
    public static readonly CultureInfo Instance = CultureInfo.GetCultureInfo("sv-SE");
}
