namespace Jour.Core.Roster;

/// <summary>
/// Who is on call when: the rotation versions, each ruling from its valid-from until the next, with
/// the overrides laid over them (the most recently created override covering an instant wins).
/// Pure, so the rules are tested without a store or a clock.
/// </summary>
public static class OnCallTimeline
{
    /// <summary>The longest override; also how far outside a range overrides and turns are looked for.</summary>
    public static readonly TimeSpan MaxOverride = TimeSpan.FromDays(31);

    /// <summary>
    /// The effective on-call pieces overlapping [fromUtc, toUtc), in order, with their real bounds (a
    /// piece in progress at fromUtc starts when it started). A piece is one rotation turn, or the part
    /// of it no override covers, or one override's effective part. <paramref name="overrides"/> must
    /// hold every override overlapping [fromUtc - <see cref="MaxOverride"/>, toUtc + <see cref="MaxOverride"/>).
    /// </summary>
    public static IReadOnlyList<OnCallPiece> Effective(IReadOnlyList<Rotation> versions, IReadOnlyList<OnCallOverride> overrides, DateTime fromUtc, DateTime toUtc)
    {
        DateTime windowFrom = fromUtc - MaxOverride - TimeSpan.FromDays(1);
        DateTime windowTo = toUtc + MaxOverride + TimeSpan.FromDays(1);
        List<RotationInterval> turns = Turns(versions, windowFrom, windowTo);
        var covering = overrides.Where(o => o.FromUtc < windowTo && o.ToUtc > windowFrom && o.FromUtc < o.ToUtc)
            .OrderByDescending(o => o.CreatedUtc)
            .ThenByDescending(o => o.Id)
            .ToList();

        var edges = new SortedSet<DateTime>();
        foreach (RotationInterval t in turns)
        {
            edges.Add(t.StartUtc);
            edges.Add(t.EndUtc);
        }

        foreach (OnCallOverride o in covering)
        {
            edges.Add(o.FromUtc);
            edges.Add(o.ToUtc);
        }

        var pieces = new List<OnCallPiece>();
        DateTime[] points = [.. edges];
        int turn = 0;
        for (int i = 0; i + 1 < points.Length; i++)
        {
            DateTime start = points[i], end = points[i + 1];
            while (turn < turns.Count && turns[turn].EndUtc <= start)
            {
                turn++;
            }

            OnCallOverride? over = covering.FirstOrDefault(o => o.Covers(start));
            RotationInterval? rotation = turn < turns.Count && turns[turn].StartUtc <= start ? turns[turn] : null;
            if (over is null && rotation is null)
            {
                continue;
            }

            var piece = new OnCallPiece(over?.OfficerId ?? rotation!.OfficerId, start, end, over, over is null ? rotation : null);
            if (pieces.Count > 0 && pieces[^1].EndUtc == start && pieces[^1].SameSource(piece))
            {
                pieces[^1] = pieces[^1] with { EndUtc = end };
            }
            else
            {
                pieces.Add(piece);
            }
        }

        return [.. pieces.Where(p => p.StartUtc < toUtc && p.EndUtc > fromUtc)];
    }

    /// <summary>The turns of every version, each cut to the time its version rules.</summary>
    public static List<RotationInterval> Turns(IReadOnlyList<Rotation> versions, DateTime fromUtc, DateTime toUtc)
    {
        var ordered = versions.OrderBy(v => v.ValidFromUtc).ThenBy(v => v.Id).ToList();
        var turns = new List<RotationInterval>();
        for (int i = 0; i < ordered.Count; i++)
        {
            DateTime validFrom = ordered[i].ValidFromUtc;
            DateTime validTo = i + 1 < ordered.Count ? ordered[i + 1].ValidFromUtc : DateTime.MaxValue;
            DateTime from = validFrom > fromUtc ? validFrom : fromUtc;
            DateTime to = validTo < toUtc ? validTo : toUtc;
            if (from >= to)
            {
                continue;
            }

            foreach (RotationInterval t in ordered[i].Intervals(from, to))
            {
                DateTime start = t.StartUtc < validFrom ? validFrom : t.StartUtc;
                DateTime end = t.EndUtc > validTo ? validTo : t.EndUtc;
                if (start < end)
                {
                    turns.Add(t with { StartUtc = start, EndUtc = end });
                }
            }
        }

        return turns;
    }

    /// <summary>The piece covering <paramref name="atUtc"/>, or null when nobody is on call then.</summary>
    public static OnCallPiece? At(IReadOnlyList<OnCallPiece> pieces, DateTime atUtc) =>
        pieces.FirstOrDefault(p => p.StartUtc <= atUtc && atUtc < p.EndUtc);

    /// <summary>
    /// When the officer on call at <paramref name="atUtc"/> hands off (the end of their unbroken run of
    /// pieces) and the piece that follows with another officer (after a gap, if there is one).
    /// </summary>
    public static (DateTime? Until, OnCallPiece? Next) HandOff(IReadOnlyList<OnCallPiece> pieces, DateTime atUtc)
    {
        int i = 0;
        while (i < pieces.Count && pieces[i].EndUtc <= atUtc)
        {
            i++;
        }

        OnCallPiece? current = i < pieces.Count && pieces[i].StartUtc <= atUtc ? pieces[i] : null;
        if (current is null)
        {
            return (null, i < pieces.Count ? pieces[i] : null);
        }

        DateTime until = current.EndUtc;
        int j = i + 1;
        while (j < pieces.Count && pieces[j].StartUtc == until && pieces[j].OfficerId == current.OfficerId)
        {
            until = pieces[j].EndUtc;
            j++;
        }

        while (j < pieces.Count && pieces[j].OfficerId == current.OfficerId)
        {
            j++;
        }

        return (until, j < pieces.Count ? pieces[j] : null);
    }

    /// <summary>The first instant in [fromUtc, toUtc) with nobody on call, or null.</summary>
    public static DateTime? FirstGap(IReadOnlyList<OnCallPiece> pieces, DateTime fromUtc, DateTime toUtc)
    {
        DateTime cursor = fromUtc;
        foreach (OnCallPiece p in pieces.OrderBy(p => p.StartUtc))
        {
            if (p.EndUtc <= cursor)
            {
                continue;
            }

            if (p.StartUtc > cursor)
            {
                return cursor < toUtc ? cursor : null;
            }

            cursor = p.EndUtc;
        }

        return cursor < toUtc ? cursor : null;
    }

    /// <summary>On-call time per officer within [fromUtc, toUtc), in real elapsed hours (a fall-back night counts its extra hour).</summary>
    public static Dictionary<long, double> Hours(IReadOnlyList<OnCallPiece> pieces, DateTime fromUtc, DateTime toUtc)
    {
        var hours = new Dictionary<long, double>();
        foreach (OnCallPiece p in pieces)
        {
            DateTime start = p.StartUtc < fromUtc ? fromUtc : p.StartUtc;
            DateTime end = p.EndUtc > toUtc ? toUtc : p.EndUtc;
            if (start < end)
            {
                hours[p.OfficerId] = hours.GetValueOrDefault(p.OfficerId) + (end - start).TotalHours;
            }
        }

        return hours;
    }
}

/// <summary>One officer on call for an interval, from an override or from one rotation turn.</summary>
public sealed record OnCallPiece(long OfficerId, DateTime StartUtc, DateTime EndUtc, OnCallOverride? Override, RotationInterval? Turn)
{
    /// <summary>Whether two adjacent segments come from the same override or the same rotation turn.</summary>
    public bool SameSource(OnCallPiece other) =>
        Override is { } o ? other.Override?.Id == o.Id
        : other.Override is null && other.Turn is { } t && Turn is { } mine && t.RotationId == mine.RotationId && t.Turn == mine.Turn;
}
