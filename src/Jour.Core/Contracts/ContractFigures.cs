namespace Jour.Core.Contracts;

/// <summary>
/// What the contracts in force give a run of days: how many of them had a contract, the compensation and
/// paid hours for those days, and the utilisation expected, weighted by days. Exact, not rounded.
/// </summary>
public readonly record struct ContractFigures(int Days, decimal Compensation, decimal CapacityHours, decimal ExpectedUtilisationPercent);
