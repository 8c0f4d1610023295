namespace Jour.Core.Contracts;

#pragma warning disable SA1649

// The contracts as they travel: flat, immutable, dates as dates.

/// <summary>A deduction from a contract's compensation: how much, for which days, why.</summary>
public sealed record DeductionData(decimal AmountKr, DateOnly From, DateOnly To, string Reason);

/// <summary>One entry of a contract's history; a null end is until further notice (or, before it was added, none).</summary>
public sealed record ContractChangeData(DateTime AtUtc, long UserId, ContractChangeKind Kind, DateOnly? PreviousTo, DateOnly? NewTo);

/// <summary>
/// A contract with its figures: <see cref="AnnualEquivalentKr"/> the compensation per full year and
/// <see cref="NetAnnualKr"/> the total per full year at the expected utilisation, less deductions (seed
/// 000's own computation), both in whole kronor (<see cref="ContractMoney.Kronor"/>). A null
/// <see cref="To"/> is until further notice.
/// </summary>
public sealed record ContractData(
    long Id,
    DateOnly From,
    DateOnly? To,
    decimal? AnnualKr,
    int? PriceLevel,
    decimal? LumpSumKr,
    decimal UtilisationPercent,
    decimal CapacityHoursPerYear,
    IReadOnlyList<DeductionData> Deductions,
    int? MonthsPerExtension,
    int NoticeWeeks,
    decimal AnnualEquivalentKr,
    decimal NetAnnualKr,
    IReadOnlyList<ContractChangeData> History);
