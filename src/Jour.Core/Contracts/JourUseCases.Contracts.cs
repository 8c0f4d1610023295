using Jour.Core.Changes;
using Jour.Core.Contracts;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Contracts: the periods, their compensation and utilisation, extensions.
public sealed partial class JourUseCases
{
    public IReadOnlyList<ContractData> GetContracts() => [.. _store.LoadContracts().OrderBy(c => c.FromDate).Select(ToData)];

    public ContractData AddContract(SessionInfo actor, AddContract request)
    {
        Contract contract = ContractRules.Validate(request);
        contract.History.Add(new ContractChange { AtUtc = UtcNow, UserId = actor.UserId, Kind = ContractChangeKind.Added, NewTo = contract.To });
        lock (_gate.Lock)
        {
            ContractRules.CheckNoOverlap(_store.LoadContracts(), contract.FromDate, contract.ToDate);
            _store.AddContract(contract);
        }

        LogContractAdded(contract.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Settings, 0));
        return ToData(contract);
    }

    public ContractData ExtendContract(SessionInfo actor, ExtendContract request)
    {
        Contract contract;
        lock (_gate.Lock)
        {
            var contracts = _store.LoadContracts();
            contract = contracts.FirstOrDefault(c => c.Id == request.ContractId)
                ?? throw new Common.JourException(Common.ErrorCodes.ContractNotFound, request.ContractId.ToString(Common.SwedishCulture.Instance));
            DateOnly? end = ContractRules.ExtendedEnd(contract, request);
            ContractRules.CheckNoOverlap(contracts, contract.FromDate, end, contract.Id);
            string before = contract.To;
            contract.To = Contract.FormatDate(end);
            contract.History.Add(new ContractChange { AtUtc = UtcNow, UserId = actor.UserId, Kind = ContractChangeKind.Extended, PreviousTo = before, NewTo = contract.To });
            _store.SaveContract(contract);
        }

        LogContractExtended(contract.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Settings, 0));
        return ToData(contract);
    }

    private static ContractData ToData(Contract c) => new(
        c.Id,
        c.FromDate,
        c.ToDate,
        c.AnnualKr,
        c.PriceLevel,
        c.LumpSumKr,
        c.UtilisationPercent,
        c.CapacityHoursPerYear,
        [.. c.Deductions.Select(d => new DeductionData(d.AmountKr, Contract.ParseDate(d.From) ?? default, Contract.ParseDate(d.To) ?? default, d.Reason))],
        c.MonthsPerExtension,
        c.NoticeWeeks,
        ContractMoney.Kronor(ContractMoney.AnnualEquivalent(c)),
        ContractMoney.Kronor(ContractMoney.NetAnnual(c)),
        [.. c.History.Select(h => new ContractChangeData(h.AtUtc, h.UserId, h.Kind, Contract.ParseDate(h.PreviousTo), Contract.ParseDate(h.NewTo)))]);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contract {ContractId} added by user {UserId}")]
    private partial void LogContractAdded(long contractId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Contract {ContractId} extended by user {UserId}")]
    private partial void LogContractExtended(long contractId, long userId);
}
