using Jour.Core.Cases;
using Jour.Core.Journals;

namespace Jour.Core.Retention;

/// <summary>
/// What the retention rules read of a client's records, folded the same way whichever store reads the rows: the
/// SoL file is the SoL series; the LSS file is the LSS series, the client's case timelines and the cases' own
/// dates (received, ended), and it is open while any case is.
/// </summary>
public static class RecordDates
{
    /// <summary>One <see cref="ClientRecordDates"/> per client with anything in a journal series or a case timeline.</summary>
    public static IReadOnlyList<ClientRecordDates> Fold(
        IEnumerable<JournalEntry> journal, IEnumerable<Case> cases, IEnumerable<CaseEvent> events, IReadOnlyDictionary<long, string> personalNumbers)
    {
        var files = new Dictionary<long, FileDates>();
        FileDates Of(long clientId) => files.TryGetValue(clientId, out FileDates? f) ? f : files[clientId] = new FileDates();

        foreach (JournalEntry e in journal)
        {
            FileDates f = Of(e.ClientId);
            if (e.Series == JournalSeries.Sol)
            {
                f.SolEntries++;
                f.LastSol = Max(f.LastSol, e.AtUtc);
            }
            else
            {
                f.LssEntries++;
                f.LastLss = Max(f.LastLss, e.AtUtc);
            }
        }

        var clientOfCase = new Dictionary<long, long>();
        foreach (Case c in cases)
        {
            clientOfCase[c.Id] = c.ClientId;
            FileDates f = Of(c.ClientId);
            f.HasOpenCase |= c.IsOpen;
            f.LastLss = Max(Max(f.LastLss, c.ReceivedUtc), c.EndedUtc ?? c.ReceivedUtc);
        }

        foreach (CaseEvent e in events)
        {
            if (clientOfCase.TryGetValue(e.CaseId, out long clientId))
            {
                FileDates f = Of(clientId);
                f.CaseEvents++;
                f.LastLss = Max(f.LastLss, e.AtUtc);
            }
        }

        return
        [
            .. files.Where(kv => kv.Value.SolEntries + kv.Value.LssEntries + kv.Value.CaseEvents > 0)
                .Select(kv => new ClientRecordDates(kv.Key, personalNumbers.GetValueOrDefault(kv.Key, ""), kv.Value.LastSol, kv.Value.SolEntries, kv.Value.LastLss, kv.Value.LssEntries, kv.Value.CaseEvents, kv.Value.HasOpenCase)),
        ];
    }

    /// <summary>
    /// Whether a client's file holds anything written at or after <paramref name="sinceUtc"/> (with the timelines: or
    /// an open case, or a case received or ended since): then it is not due, whatever the plan said.
    /// </summary>
    public static bool WrittenSince(IEnumerable<JournalEntry> entries, IEnumerable<CaseEvent> events, IEnumerable<Case> cases, DateTime sinceUtc) =>
        entries.Any(e => e.AtUtc >= sinceUtc)
        || events.Any(e => e.AtUtc >= sinceUtc)
        || cases.Any(c => c.IsOpen || c.ReceivedUtc >= sinceUtc || c.EndedUtc >= sinceUtc);

    private static DateTime? Max(DateTime? a, DateTime b) => a is { } x && x >= b ? x : b;

    private sealed class FileDates
    {
        public DateTime? LastSol { get; set; }

        public DateTime? LastLss { get; set; }

        public int SolEntries { get; set; }

        public int LssEntries { get; set; }

        public int CaseEvents { get; set; }

        public bool HasOpenCase { get; set; }
    }
}
