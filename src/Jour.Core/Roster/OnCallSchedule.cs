namespace Jour.Core.Roster;

/// <summary>Answers who is on call at an instant and who comes next.</summary>
public static class OnCallSchedule
{
    /// <summary>The shift covering <paramref name="nowUtc"/>, latest start winning (an override covers a rotation).</summary>
    public static OnCallShift? Current(IEnumerable<OnCallShift> shifts, DateTime nowUtc) =>
        shifts.Where(s => s.Covers(nowUtc)).OrderByDescending(s => s.StartUtc).FirstOrDefault();

    /// <summary>The first shift starting after <paramref name="nowUtc"/> with another officer than the current one.</summary>
    public static OnCallShift? Next(IEnumerable<OnCallShift> shifts, DateTime nowUtc)
    {
        var list = shifts as IReadOnlyCollection<OnCallShift> ?? [.. shifts];
        var current = Current(list, nowUtc);
        return list.Where(s => s.StartUtc > nowUtc && s.OfficerId != current?.OfficerId)
                   .OrderBy(s => s.StartUtc)
                   .FirstOrDefault();
    }
}
