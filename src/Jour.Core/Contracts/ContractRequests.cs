using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.Import;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Contracts;

/// <summary>Every contract, the earliest first.</summary>
public sealed record GetContracts : IRequest<IReadOnlyList<ContractData>>;

/// <summary>
/// A new contract period. Exactly one of <see cref="AnnualKr"/> (with an optional price level) and
/// <see cref="LumpSumKr"/> (which needs an end); a null <see cref="To"/> runs until further notice. Refused
/// when it shares a day with another contract.
/// </summary>
public sealed record AddContract(
    DateOnly From,
    DateOnly? To,
    decimal? AnnualKr,
    int? PriceLevel,
    decimal? LumpSumKr,
    decimal UtilisationPercent = 0m,
    decimal CapacityHoursPerYear = 0m,
    IReadOnlyList<DeductionData>? Deductions = null,
    int? MonthsPerExtension = null,
    int NoticeWeeks = 2) : IRequest<ContractData>;

/// <summary>
/// Extends a contract: to <see cref="To"/>, or until further notice, or (neither given) by its own months
/// per extension. A dated contract's end never moves back; one running until further notice is given its
/// end this way. Refused when the new days meet another contract.
/// </summary>
public sealed record ExtendContract(long ContractId, DateOnly? To = null, bool UntilFurtherNotice = false) : IRequest<ContractData>;

/// <summary>
/// Payroll's file of the standby staff's paid hours per month (seed 000's utilisation), validated against the
/// pool and stored whole or not at all; a row for an assistant and month already stored replaces it.
/// </summary>
public sealed record ImportPaidHours(ImportRequest File) : IRequest<ImportResult>;

/// <summary>
/// The use cases of contracts. Finance and admin keep them; coordinators read them too (they plan the pool
/// the compensation pays for and follow resources up every quarter, seed 004), on-call officers do not need them.
/// </summary>
public static class ContractRequests
{
    private static readonly Access s_readers = Access.AnyOf(Role.Admin | Role.Finance | Role.Coordinator, ErrorCodes.ContractsNotPermitted);
    private static readonly Access s_finance = Access.AnyOf(Role.Admin | Role.Finance, ErrorCodes.FinanceNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("contracts", ContractJson.Default, s_readers, (GetContracts _, RequestContext c) => c.UseCases.GetContracts()),
        UseCase.Of("add-contract", ContractJson.Default, s_finance, (AddContract r, RequestContext c) => c.UseCases.AddContract(c.Actor, r)),
        UseCase.Of("extend-contract", ContractJson.Default, s_finance, (ExtendContract r, RequestContext c) => c.UseCases.ExtendContract(c.Actor, r)),
        UseCase.Of("import-paid-hours", ContractJson.Default, s_finance, (ImportPaidHours r, RequestContext c) => c.UseCases.ImportPaidHours(c.Actor, r.File), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetContracts))]
[JsonSerializable(typeof(IReadOnlyList<ContractData>))]
[JsonSerializable(typeof(ContractData))]
[JsonSerializable(typeof(AddContract))]
[JsonSerializable(typeof(ExtendContract))]
[JsonSerializable(typeof(ImportPaidHours))]
[JsonSerializable(typeof(ImportResult))]
internal sealed partial class ContractJson : JsonSerializerContext;
