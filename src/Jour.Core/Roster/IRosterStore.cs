namespace Jour.Core.Roster;

/// <summary>Where on-call shifts are kept.</summary>
public interface IRosterStore
{
    /// <summary>Shifts that overlap [fromUtc, toUtc).</summary>
    IReadOnlyList<OnCallShift> LoadShifts(DateTime fromUtc, DateTime toUtc);

    OnCallShift AddShift(OnCallShift shift);
}
