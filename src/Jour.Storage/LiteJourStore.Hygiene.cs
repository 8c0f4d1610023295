using Jour.Core.Hygiene;
using LiteDB;

namespace Jour.Storage;

// Hygiene self-checks (issue 20): one or two per assistant a year, read whole.
public sealed partial class LiteJourStore
{
    private ILiteCollection<HygieneCheck> HygieneChecks => _db.GetCollection<HygieneCheck>("hygiene_checks");

    public IReadOnlyList<HygieneCheck> LoadHygieneChecks() => [.. HygieneChecks.FindAll()];

    public HygieneCheck? FindHygieneCheck(long id) => HygieneChecks.FindById(id);

    public HygieneCheck AddHygieneCheck(HygieneCheck check)
    {
        InTransaction(() => HygieneChecks.Insert(check));
        return check;
    }

    public void UpdateHygieneCheck(HygieneCheck check) => InTransaction(() => HygieneChecks.Update(check));
}
