using System.Globalization;
using System.Text;
using Jour.Core.Cases;
using Jour.Core.FollowUp;
using LiteDB;

namespace Jour.Storage;

/// <summary>
/// The follow-up facts, packed per Stockholm day into one binary document each: case facts by the day the
/// case stopped being active (or the "open" block), report facts and invoice lines by the day the work
/// started. Reading 500,000 deployment documents took LiteDB 6–14 s; a year of these is 365 + 365
/// documents. They are derived data, written in the same transaction as the case or deployment they come
/// from, and rebuilt from those when missing or of an older layout.
/// </summary>
internal sealed class FactBlocks(LiteDatabase db)
{
    public const string CollectionName = "followup_facts";

    /// <summary>Bump when a codec's layout changes: the store then rebuilds every block on open.</summary>
    public const int Layout = 3;

    private const string LayoutId = "layout";
    private const string OpenCases = "c:open";

    private readonly ILiteCollection<BsonDocument> _blocks = db.GetCollection(CollectionName);

    public bool IsCurrent => _blocks.FindById(LayoutId) is { } doc && doc["v"].AsInt32 == Layout;

    public void MarkCurrent() => _blocks.Upsert(new BsonDocument { ["_id"] = LayoutId, ["v"] = Layout });

    public void Clear() => _blocks.DeleteAll();

    public static string CaseKey(DateTime? endUtc) => endUtc is { } end ? "c:" + Day(end) : OpenCases;

    public static string ReportKey(DateTime startUtc) => "r:" + Day(startUtc);

    public static string LineKey(DateTime startUtc) => "i:" + Day(startUtc);

    /// <summary>Moves one entry: out of the block <paramref name="oldKey"/> (if any), into <paramref name="newKey"/> (if any), replacing its id there.</summary>
    public void Move<T>(IFactCodec<T> codec, long id, string? oldKey, string? newKey, T value)
    {
        if (oldKey is not null && oldKey != newKey)
        {
            List<T> old = Read(codec, oldKey);
            if (old.RemoveAll(e => codec.Id(e) == id) > 0)
            {
                Write(codec, oldKey, old);
            }
        }

        if (newKey is not null)
        {
            List<T> entries = Read(codec, newKey);
            int at = entries.FindIndex(e => codec.Id(e) == id);
            if (at >= 0)
            {
                entries[at] = value;
            }
            else
            {
                entries.Add(value);
            }

            Write(codec, newKey, entries);
        }
    }

    /// <summary>Adds many entries at once, one read and write per block (the generator's batches, the rebuild).</summary>
    public void AddAll<T>(IFactCodec<T> codec, IEnumerable<(string Key, T Value)> entries)
    {
        foreach (var block in entries.GroupBy(e => e.Key, StringComparer.Ordinal))
        {
            List<T> stored = Read(codec, block.Key);
            var ids = stored.Select(codec.Id).ToHashSet();
            stored.AddRange(block.Select(e => e.Value).Where(v => ids.Add(codec.Id(v))));
            Write(codec, block.Key, stored);
        }
    }

    /// <summary>Every entry of the blocks whose day lies in [first, last] (inclusive, by key), plus <paramref name="alsoKey"/>.</summary>
    public List<T> ReadDays<T>(IFactCodec<T> codec, char kind, DateOnly first, DateOnly last, string? alsoKey = null)
    {
        var found = new List<T>();
        string low = $"{kind}:{first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        string high = $"{kind}:{last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
        foreach (BsonDocument doc in _blocks.Find(Query.Between("_id", low, high)))
        {
            Decode(codec, doc, found);
        }

        if (alsoKey is not null && _blocks.FindById(alsoKey) is { } also)
        {
            Decode(codec, also, found);
        }

        return found;
    }

    /// <summary>Every block of one kind, by key (for the integrity check).</summary>
    public IEnumerable<(string Key, List<T> Entries)> ReadAll<T>(IFactCodec<T> codec, char kind)
    {
        foreach (BsonDocument doc in _blocks.Find(Query.StartsWith("_id", kind + ":")))
        {
            var entries = new List<T>();
            Decode(codec, doc, entries);
            yield return (doc["_id"].AsString, entries);
        }
    }

    private static string Day(DateTime utc) => ReportPeriod.LocalDate(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static void Decode<T>(IFactCodec<T> codec, BsonDocument doc, List<T> into)
    {
        byte[] data = doc["d"].AsBinary;
        using var reader = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        int count = reader.ReadInt32();
        into.EnsureCapacity(into.Count + count);
        for (int i = 0; i < count; i++)
        {
            into.Add(codec.Read(reader));
        }
    }

    private List<T> Read<T>(IFactCodec<T> codec, string key)
    {
        var entries = new List<T>();
        if (_blocks.FindById(key) is { } doc)
        {
            Decode(codec, doc, entries);
        }

        return entries;
    }

    private void Write<T>(IFactCodec<T> codec, string key, List<T> entries)
    {
        if (entries.Count == 0)
        {
            _blocks.Delete(key);
            return;
        }

        var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(entries.Count);
            foreach (T entry in entries)
            {
                codec.Write(writer, entry);
            }
        }

        _blocks.Upsert(new BsonDocument { ["_id"] = key, ["d"] = stream.ToArray() });
    }
}

/// <summary>
/// LiteDB keeps dates to the millisecond, so a fact written from a case in memory (UtcNow has finer ticks)
/// would differ from the same fact rebuilt from the stored case; both are cut to the millisecond.
/// </summary>
internal static class StoredTicks
{
    public static long Of(DateTime utc) => utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond);
}

/// <summary>How one kind of fact is written into and read from a block.</summary>
internal interface IFactCodec<T>
{
    long Id(T entry);

    void Write(BinaryWriter writer, T entry);

    T Read(BinaryReader reader);
}

internal sealed class CaseFactCodec : IFactCodec<CaseFact>
{
    public static readonly CaseFactCodec Instance = new();

    private const byte NoClosingReason = byte.MaxValue;

    public long Id(CaseFact entry) => entry.CaseId;

    public void Write(BinaryWriter writer, CaseFact entry)
    {
        writer.Write(entry.CaseId);
        writer.Write(entry.ClientId);
        writer.Write(StoredTicks.Of(entry.ReceivedUtc));
        writer.Write(entry.EndUtc is { } end ? StoredTicks.Of(end) : 0L);
        writer.Write((byte)entry.State);
        writer.Write((byte)entry.Reason);
        writer.Write(entry.ClosingReason is { } closing ? (byte)closing : NoClosingReason);
    }

    public CaseFact Read(BinaryReader reader)
    {
        long caseId = reader.ReadInt64();
        long clientId = reader.ReadInt64();
        var received = new DateTime(reader.ReadInt64(), DateTimeKind.Utc);
        long end = reader.ReadInt64();
        var state = (CaseState)reader.ReadByte();
        var reason = (CaseReason)reader.ReadByte();
        byte closing = reader.ReadByte();
        return new CaseFact(caseId, clientId, received, end == 0 ? null : new DateTime(end, DateTimeKind.Utc), state, reason, closing == NoClosingReason ? null : (ClosingReason)closing);
    }
}

internal sealed class ReportFactCodec : IFactCodec<ReportFact>
{
    public static readonly ReportFactCodec Instance = new();

    public long Id(ReportFact entry) => entry.DeploymentId;

    public void Write(BinaryWriter writer, ReportFact entry)
    {
        writer.Write(entry.DeploymentId);
        writer.Write(entry.CaseId);
        writer.Write(StoredTicks.Of(entry.StartUtc));
        writer.Write(entry.Minutes);
        writer.Write(entry.IsSigned);
    }

    public ReportFact Read(BinaryReader reader) => new(
        reader.ReadInt64(),
        reader.ReadInt64(),
        new DateTime(reader.ReadInt64(), DateTimeKind.Utc),
        reader.ReadInt32(),
        reader.ReadBoolean());
}

internal sealed class TimeReportLineCodec : IFactCodec<TimeReportLine>
{
    public static readonly TimeReportLineCodec Instance = new();

    public long Id(TimeReportLine entry) => entry.DeploymentId;

    public void Write(BinaryWriter writer, TimeReportLine entry)
    {
        writer.Write(entry.DeploymentId);
        writer.Write(entry.CaseId);
        writer.Write(entry.CaseNumber);
        writer.Write(entry.ClientId);
        writer.Write(entry.AssistantId);
        writer.Write(StoredTicks.Of(entry.StartUtc));
        writer.Write(StoredTicks.Of(entry.EndUtc));
        writer.Write(entry.BreakMinutes);
        writer.Write(entry.IsSigned);
        writer.Write(entry.AssistantSignedName);
        writer.Write(entry.AssistantPersonalNumber);
        writer.Write(entry.ClientSignedName);
        writer.Write(entry.ProviderId ?? 0); // ids start at 1: 0 is none
    }

    public TimeReportLine Read(BinaryReader reader) => new(
        reader.ReadInt64(),
        reader.ReadInt64(),
        reader.ReadString(),
        reader.ReadInt64(),
        reader.ReadInt64(),
        new DateTime(reader.ReadInt64(), DateTimeKind.Utc),
        new DateTime(reader.ReadInt64(), DateTimeKind.Utc),
        reader.ReadInt32(),
        reader.ReadBoolean(),
        reader.ReadString(),
        reader.ReadString(),
        reader.ReadString(),
        reader.ReadInt64() is var provider and not 0 ? provider : null);
}
