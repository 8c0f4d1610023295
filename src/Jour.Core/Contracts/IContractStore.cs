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

    /// <summary>The paid hours of the months <paramref name="fromMonth"/> to <paramref name="toMonth"/> (yyyy-MM, both inclusive).</summary>
    IReadOnlyList<PaidHours> LoadPaidHours(string fromMonth, string toMonth);

    /// <summary>Stores every row in one transaction, each replacing any stored row for the same assistant and month.</summary>
    void SavePaidHours(IReadOnlyList<PaidHours> rows);
}
