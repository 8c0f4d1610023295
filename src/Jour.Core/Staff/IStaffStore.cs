namespace Jour.Core.Staff;

/// <summary>Where the standby pool is kept.</summary>
public interface IStaffStore
{
    IReadOnlyList<StandbyAssistant> LoadStaff();

    StandbyAssistant AddStaff(StandbyAssistant assistant);

    StandbyAssistant? FindStaff(long id);

    void UpdateStaff(StandbyAssistant assistant);
}
