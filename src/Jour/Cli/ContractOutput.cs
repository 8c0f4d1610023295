using System.Text.Json.Serialization;

namespace Jour.Cli;

/// <summary>A contract as `jour contract list --format json` writes it (snake_case, as the issue names the keys).</summary>
internal sealed record ContractOutput(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("annual_kr")] decimal? AnnualKr,
    [property: JsonPropertyName("price_level")] int? PriceLevel,
    [property: JsonPropertyName("lump_sum_kr")] decimal? LumpSumKr,
    [property: JsonPropertyName("utilisation_percent")] decimal UtilisationPercent,
    [property: JsonPropertyName("capacity_hours_per_year")] decimal CapacityHoursPerYear,
    [property: JsonPropertyName("deductions")] IReadOnlyList<DeductionOutput> Deductions,
    [property: JsonPropertyName("extension_months")] int? ExtensionMonths,
    [property: JsonPropertyName("notice_weeks")] int NoticeWeeks,
    [property: JsonPropertyName("annual_equivalent_kr")] decimal AnnualEquivalentKr,
    [property: JsonPropertyName("net_annual_kr")] decimal NetAnnualKr);

/// <summary>A deduction in <see cref="ContractOutput"/>.</summary>
internal sealed record DeductionOutput(
    [property: JsonPropertyName("amount_kr")] decimal AmountKr,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("reason")] string Reason);
