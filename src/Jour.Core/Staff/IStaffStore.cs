namespace Jour.Core.Staff;

/// <summary>Where the standby pool is kept.</summary>
public interface IStaffStore
{
    IReadOnlyList<StandbyAssistant> LoadStaff();

    StandbyAssistant AddStaff(StandbyAssistant assistant);

    /// <summary>Adds all of them in one transaction, or none.</summary>
    void AddStaffMembers(IReadOnlyList<StandbyAssistant> assistants);

    StandbyAssistant? FindStaff(long id);

    void UpdateStaff(StandbyAssistant assistant);

    /// <summary>Saves with <see cref="StandbyAssistant.Revision"/> raised by one, unless the stored one is no longer at <paramref name="expectedRevision"/>.</summary>
    bool TryUpdateStaff(StandbyAssistant assistant, int expectedRevision);

    /// <summary>The pool's rules as set, or null before anyone set them (the defaults then apply).</summary>
    PoolSettings? LoadPoolSettings();

    void SavePoolSettings(PoolSettings settings);
}
