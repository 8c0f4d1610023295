namespace Jour.Core.Contracts;

/// <summary>The contracts, all of them: a municipality has a handful, one per period.</summary>
public interface IContractStore
{
    /// <summary>Every contract, in no particular order.</summary>
    IReadOnlyList<Contract> LoadContracts();

    /// <summary>Stores a new contract and gives it its id.</summary>
    Contract AddContract(Contract contract);

    /// <summary>Stores a changed contract (an extension).</summary>
    void SaveContract(Contract contract);
}
