using System.Globalization;

namespace Jour.Core.Contracts;

/// <summary>
/// Contract figures as finance types them, read the same way by `jour contract add` and the contracts screen:
/// each returns null for text it cannot read, and the caller names the field in its own refusal.
/// </summary>
public static class ContractInput
{
    /// <summary>"1 814 000", "1814000", "343600,50" or "65.5": spaces between thousands, either decimal mark.</summary>
    public static decimal? Amount(string text)
    {
        string plain = text.Trim().Replace(" ", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal).Replace(',', '.');
        return decimal.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal d) ? d : null;
    }

    /// <summary>A percentage, with or without its sign: "65", "65 %", "62,5%".</summary>
    public static decimal? Percent(string text) => Amount(text.Trim().TrimEnd('%').TrimEnd());

    public static int? Whole(string text) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int n) ? n : null;

    /// <summary>"KR:FROM:TO:REASON", e.g. 343600:2020-03-16:2020-06-05:Fritidsverksamheterna (the reason may hold colons).</summary>
    public static DeductionData? Deduction(string text)
    {
        string[] parts = text.Split(':', 4);
        return parts.Length == 4 && parts[3].Trim().Length > 0
            && Amount(parts[0]) is { } amount
            && Contract.ParseDate(parts[1].Trim()) is { } from
            && Contract.ParseDate(parts[2].Trim()) is { } to
            ? new DeductionData(amount, from, to, parts[3].Trim())
            : null;
    }
}
