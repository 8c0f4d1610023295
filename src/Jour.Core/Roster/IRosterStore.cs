namespace Jour.Core.Roster;

/// <summary>Where the on-call rotation (every version of it) and its overrides are kept.</summary>
public interface IRosterStore
{
    /// <summary>Every version of the rotation, oldest first; there are few (one per edit).</summary>
    IReadOnlyList<Rotation> LoadRotations();

    /// <summary>Stores a new version; earlier versions are never changed, so the past stays as it was.</summary>
    Rotation AddRotation(Rotation rotation);

    /// <summary>Overrides that overlap [fromUtc, toUtc).</summary>
    IReadOnlyList<OnCallOverride> LoadOverrides(DateTime fromUtc, DateTime toUtc);

    /// <summary>Adds overrides in one transaction (a swap is two).</summary>
    void AddOverrides(IReadOnlyList<OnCallOverride> overrides);
}
