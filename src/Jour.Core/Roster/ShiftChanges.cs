namespace Jour.Core.Roster;

/// <summary>
/// What an override, a swap or a rotation edit changed for each officer: the on-call time they have after it
/// and did not have before, and the time they no longer have. Pure, so the rule is tested alone.
/// </summary>
public static class ShiftChanges
{
    /// <summary>
    /// Each officer's changes between two readings of the same period, as time gained and time lost, in order.
    /// Adjacent pieces of one officer count as one stretch whatever they come from, so a change of source alone
    /// is no change, and an officer who keeps the first hour of a shift is told of the hours they lost.
    /// </summary>
    public static IReadOnlyDictionary<long, OfficerShiftChange> Diff(IReadOnlyList<OnCallPiece> before, IReadOnlyList<OnCallPiece> after)
    {
        var was = Shifts(before).ToLookup(s => s.OfficerId);
        var now = Shifts(after).ToLookup(s => s.OfficerId);
        var changes = new Dictionary<long, OfficerShiftChange>();
        foreach (long officer in was.Select(g => g.Key).Concat(now.Select(g => g.Key)).Distinct())
        {
            var gained = Subtract(officer, [.. now[officer]], [.. was[officer]]);
            var lost = Subtract(officer, [.. was[officer]], [.. now[officer]]);
            if (gained.Count > 0 || lost.Count > 0)
            {
                changes[officer] = new OfficerShiftChange(officer, gained, lost);
            }
        }

        return changes;
    }

    /// <summary>The pieces with adjacent ones of the same officer joined.</summary>
    public static List<Shift> Shifts(IReadOnlyList<OnCallPiece> pieces)
    {
        var shifts = new List<Shift>();
        foreach (OnCallPiece p in pieces.OrderBy(p => p.StartUtc))
        {
            if (shifts.Count > 0 && shifts[^1].OfficerId == p.OfficerId && shifts[^1].EndUtc == p.StartUtc)
            {
                shifts[^1] = shifts[^1] with { EndUtc = p.EndUtc };
            }
            else
            {
                shifts.Add(new Shift(p.OfficerId, p.StartUtc, p.EndUtc));
            }
        }

        return shifts;
    }

    /// <summary>The parts of <paramref name="from"/> that <paramref name="minus"/> does not cover (both ordered and disjoint).</summary>
    private static List<Shift> Subtract(long officer, List<Shift> from, List<Shift> minus)
    {
        var left = new List<Shift>();
        foreach (Shift s in from)
        {
            DateTime start = s.StartUtc;
            foreach (Shift m in minus.Where(m => m.EndUtc > start && m.StartUtc < s.EndUtc))
            {
                if (m.StartUtc > start)
                {
                    left.Add(new Shift(officer, start, m.StartUtc));
                }

                start = m.EndUtc > start ? m.EndUtc : start;
            }

            if (start < s.EndUtc)
            {
                left.Add(new Shift(officer, start, s.EndUtc));
            }
        }

        return left;
    }
}

/// <summary>One officer on call for an interval.</summary>
public sealed record Shift(long OfficerId, DateTime StartUtc, DateTime EndUtc);

/// <summary>The on-call time an officer gained and lost by one change.</summary>
public sealed record OfficerShiftChange(long OfficerId, IReadOnlyList<Shift> Gained, IReadOnlyList<Shift> Lost);
