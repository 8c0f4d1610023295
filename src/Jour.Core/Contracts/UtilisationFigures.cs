namespace Jour.Core.Contracts;

/// <summary>
/// A period's utilisation as seed 000 means it (docs/money.md): the months with paid hours (<see cref="Months"/>)
/// and the months without them (<see cref="MissingMonths"/>, billed nothing until payroll's file is imported).
/// <see cref="UsedPercent"/> = (assignment + other contracts) ÷ paid, at most 100; <see cref="BillableKr"/> = each
/// month's compensation × its unused share, less its deductions, summed and rounded once to whole kronor;
/// <see cref="ExpectedBillableKr"/> is the same months at the contracts' expected utilisation (seed 000's own
/// figure, 281 850 kr for a full year). Null used share when no paid hour was reported.
/// </summary>
public sealed record UtilisationFigures(
    IReadOnlyList<UtilisationMonth> Months,
    IReadOnlyList<DateOnly> MissingMonths,
    decimal PaidHours,
    decimal OtherContractHours,
    decimal AssignmentHours,
    decimal? UsedPercent,
    decimal ExpectedPercent,
    decimal BillableHours,
    decimal CompensationKr,
    decimal DeductionsKr,
    decimal BillableKr,
    decimal ExpectedBillableKr);
