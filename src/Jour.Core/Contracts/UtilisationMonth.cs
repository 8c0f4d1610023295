namespace Jour.Core.Contracts;

/// <summary>
/// One month's utilisation as seed 000 counts it, over the month's counted days <see cref="From"/>–<see cref="To"/>:
/// the standby staff's paid hours and the hours of them worked in other contracts (payroll's figures, prorated
/// by days when only part of the month is counted), the signed hours in the assignment, the compensation and
/// deductions of those days, the used share and what the unused share bills. Hours to two decimals, kronor in öre.
/// </summary>
public sealed record UtilisationMonth(
    DateOnly Month,
    DateOnly From,
    DateOnly To,
    decimal PaidHours,
    decimal OtherContractHours,
    decimal AssignmentHours,
    decimal CompensationKr,
    decimal DeductionsKr,
    decimal? UsedPercent,
    decimal BillableHours,
    decimal BillableKr);
