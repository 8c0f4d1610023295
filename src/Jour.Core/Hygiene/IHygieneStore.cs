namespace Jour.Core.Hygiene;

/// <summary>Where hygiene self-checks are kept: a few per assistant a year, read whole.</summary>
public interface IHygieneStore
{
    IReadOnlyList<HygieneCheck> LoadHygieneChecks();

    HygieneCheck? FindHygieneCheck(long id);

    HygieneCheck AddHygieneCheck(HygieneCheck check);

    /// <summary>Only for the follow-up's done day: a check is otherwise never changed.</summary>
    void UpdateHygieneCheck(HygieneCheck check);
}
