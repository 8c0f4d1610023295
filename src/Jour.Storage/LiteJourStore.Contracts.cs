using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using LiteDB;

namespace Jour.Storage;

// Contracts: a handful of documents, read whole (the statistics count each day with the one in force).
public sealed partial class LiteJourStore
{
    /// <summary>The first day of the contract made from settings that named no start: every day before it counted.</summary>
    internal const string MigratedStart = "2000-01-01";

    private ILiteCollection<Contract> Contracts => _db.GetCollection<Contract>("contracts");

    public IReadOnlyList<Contract> LoadContracts() => [.. Contracts.FindAll()];

    public Contract AddContract(Contract contract)
    {
        InTransaction(() => Contracts.Insert(contract));
        return contract;
    }

    public void SaveContract(Contract contract) => InTransaction(() => Contracts.Update(contract));

    private ILiteCollection<PaidHours> PaidHoursCollection => _db.GetCollection<PaidHours>("paid_hours");

    public IReadOnlyList<PaidHours> LoadPaidHours(string fromMonth, string toMonth) =>
        [.. PaidHoursCollection.Find(Query.Between(nameof(PaidHours.Month), fromMonth, toMonth))];

    // A few dozen assistants a month, read by a range of months. A new collection needs no schema version.
    private void EnsureContractIndexes() => PaidHoursCollection.EnsureIndex(nameof(PaidHours.Month));

    public void SavePaidHours(IReadOnlyList<PaidHours> rows) => InTransaction(() =>
    {
        var collection = PaidHoursCollection;
        foreach (PaidHours row in rows)
        {
            collection.Upsert(row);
        }
    });

    // Schema 3 kept one contract in the settings (contract-start, contract-end, annual-compensation,
    // utilisation-target, capacity-hours) and counted every day with it. It becomes the first contract, so an
    // older database keeps its figures: no start counts from 2000-01-01, no end is until further notice,
    // and settings never saved counted with the defaults, which the contract keeps. The fields leave the settings.
    private void MigrateV3ToV4()
    {
        var settings = _db.GetCollection("settings");
        BsonDocument? doc = settings.FindById(FollowUpSettings.SingletonId);
        string start = Text(doc, "ContractStart");
        string end = Text(doc, "ContractEnd");
        if (Contract.ParseDate(start) is null)
        {
            start = MigratedStart;
        }

        if (Contract.ParseDate(end) is not { } last || last < Contract.ParseDate(start))
        {
            end = "";
        }

        if (Contracts.Count() == 0)
        {
            Contracts.Insert(new Contract
            {
                From = start,
                To = end,
                AnnualKr = Number(doc, "AnnualCompensation") ?? FollowUpSettings.DefaultAnnualCompensation,
                UtilisationPercent = Number(doc, "UtilisationTargetPercent") ?? FollowUpSettings.DefaultUtilisationTargetPercent,
                CapacityHoursPerYear = Number(doc, "CapacityHoursPerYear") ?? FollowUpSettings.DefaultCapacityHoursPerYear,
                MonthsPerExtension = null,
                NoticeWeeks = 2,
                History = [new ContractChange { AtUtc = DateTime.UtcNow, Kind = ContractChangeKind.Migrated, NewTo = end }],
            });
        }

        if (doc is not null)
        {
            foreach (string field in (string[])["ContractStart", "ContractEnd", "AnnualCompensation", "UtilisationTargetPercent", "CapacityHoursPerYear"])
            {
                doc.Remove(field);
            }

            settings.Update(doc);
        }
    }

    private static string Text(BsonDocument? doc, string field) =>
        doc is not null && doc.TryGetValue(field, out BsonValue value) && value.IsString ? value.AsString.Trim() : "";

    private static decimal? Number(BsonDocument? doc, string field) =>
        doc is not null && doc.TryGetValue(field, out BsonValue value) && value.IsNumber ? value.AsDecimal : null;
}
