using System.Diagnostics;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Operations;
using Jour.Core.Roster;
using LiteDB;

namespace Jour.Storage;

/// <summary>
/// `jour check`: opens a database, reads every document of every known collection (a damaged page
/// shows here), walks every index the store relies on and compares it with the documents, follows
/// the references between documents, and compares the schema version with this build's.
/// </summary>
public static class DatabaseCheck
{
    private static readonly (string Collection, string Field)[] s_indexes =
    [
        ("cases", nameof(Case.State)), ("cases", nameof(Case.ClientId)), ("case_events", nameof(CaseEvent.CaseId)),
        ("deployments", nameof(Deployment.CaseId)), ("deployments", nameof(Deployment.FromUtc)), ("deployments", nameof(Deployment.ToUtc)),
        ("oncall_overrides", nameof(OnCallOverride.FromUtc)), ("oncall_overrides", nameof(OnCallOverride.ToUtc)),
        ("clients", nameof(Client.PersonalIdentityNumber)),
    ];

    /// <summary>Checks a file that no server has open (read-only: the file is not changed, not even migrated).</summary>
    public static CheckReport RunFile(string path, string password)
    {
        var clock = Stopwatch.StartNew();
        LiteDatabase db;
        try
        {
            db = OpenReadOnly(path, password);
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.StorageDamaged)
        {
            // A file LiteDB may not even open is the check's finding, not a failure of the check.
            return new CheckReport(path, 0, LiteJourStore.SchemaVersion, [], [new CheckFinding(ex.Code, ex.Args, IsError: true)], null, clock.Elapsed.TotalSeconds);
        }

        using (db)
        {
            return Run(db, path, clock);
        }
    }

    /// <summary>How many cases a file holds (a backup proves it opens with this).</summary>
    public static long CountCases(string path, string password)
    {
        using LiteDatabase db = OpenReadOnly(path, password);
        return db.GetCollection("cases").LongCount();
    }

    public static LiteDatabase OpenReadOnly(string path, string password)
    {
        if (!File.Exists(path))
        {
            throw new JourException(ErrorCodes.StorageUnreadable, path, "—");
        }

        // LiteDB crops a file whose length is not whole pages even when opened read-only: look first.
        DatabaseFileCheck.Verify(path, LiteJourStore.LogPathOf(path), Path.Combine(Path.GetDirectoryName(path) ?? ".", DatabaseKey.FileName), password);
        try
        {
            return new LiteDatabase(new ConnectionString { Filename = path, Password = password, ReadOnly = true, Connection = ConnectionType.Direct }, JourMapper.Create());
        }
        catch (LiteException ex) when (ex.Message.Contains("password", StringComparison.OrdinalIgnoreCase) || ex.Message.Contains("encrypted", StringComparison.OrdinalIgnoreCase))
        {
            throw new JourException(ErrorCodes.StorageWrongKey, path, Path.Combine(Path.GetDirectoryName(path) ?? ".", DatabaseKey.FileName));
        }
#pragma warning disable CA1031 // Whatever a damaged file throws becomes one clear message.
        catch (Exception ex) when (ex is not (OutOfMemoryException or JourException))
#pragma warning restore CA1031
        {
            throw new JourException(ErrorCodes.StorageUnreadable, path, ex.Message);
        }
    }

    public static CheckReport Run(LiteDatabase db, string path, Stopwatch clock)
    {
        var findings = new List<CheckFinding>();
        int version = Try(findings, "$database", () => db.UserVersion, -1);
        SchemaFindings(findings, version, LiteJourStore.SchemaVersion);

        // One pass over every document of every collection (a damaged page shows here), read as
        // BsonDocuments (no typed mapping) and keeping only the fields the reference checks need.
        var scan = new Scan();
        var counts = new List<CheckCount>();
        foreach (string name in Try(findings, "$database", () => db.GetCollectionNames().Order(StringComparer.Ordinal).ToList(), []))
        {
            counts.Add(new CheckCount(name, Try(findings, name, () => scan.Read(db, name), -1)));
        }

        Dangling(findings, "case_events", "CaseId", scan.Events.Where(e => !scan.Cases.Contains(e.Reference)).Select(e => e.Id));
        Dangling(findings, "cases", "ClientId", scan.CaseClients.Where(c => !scan.Clients.Contains(c.Reference)).Select(c => c.Id));
        Dangling(findings, "cases", "ProviderId", scan.CaseProviders.Where(c => !scan.Providers.Contains(c.Reference)).Select(c => c.Id));
        Dangling(findings, "deployments", "CaseId", scan.DeploymentCases.Where(d => !scan.Cases.Contains(d.Reference)).Select(d => d.Id));
        Dangling(findings, "deployments", "AssistantId", scan.DeploymentStaff.Where(d => !scan.Staff.Contains(d.Reference)).Select(d => d.Id));
        Dangling(findings, "oncall_overrides", "OfficerId", scan.OverrideOfficers.Where(o => !scan.Users.Contains(o.Reference)).Select(o => o.Id));
        Dangling(findings, "rotations", "OfficerIds", scan.RotationOfficers.Where(r => !scan.Users.Contains(r.Reference)).Select(r => r.Id).Distinct());
        Try(findings, "counters", () => CheckNumbers(db, scan.Numbers, findings), false);
        var documents = counts.ToDictionary(c => c.Collection, c => c.Count, StringComparer.Ordinal);
        Try(findings, "$indexes", () => CheckIndexes(db, documents, findings), false);
        if (documents.GetValueOrDefault("meta", 0) == 0)
        {
            findings.Add(Error("Check_MetaMissing"));
        }

        CheckFacts(db, scan.Facts, documents, findings);

        return new CheckReport(path, version, LiteJourStore.SchemaVersion, counts, findings, scan.LastEventUtc, clock.Elapsed.TotalSeconds);
    }

    /// <summary>A database newer than this build is an error; an older one is migrated at the next start.</summary>
    internal static void SchemaFindings(List<CheckFinding> findings, int version, int expected)
    {
        if (version > expected)
        {
            findings.Add(Error("Check_SchemaNewer", version, expected));
        }
        else if (version < expected)
        {
            findings.Add(new CheckFinding("Check_SchemaOlder", [Text(version), Text(expected)], IsError: false));
        }
    }

    // The follow-up facts are derived: a server rebuilds missing or older-layout ones on open, so only facts that are
    // there and disagree are an error (the statistics and the invoice would be wrong until rebuilt).
    private static void CheckFacts(LiteDatabase db, FactsCheck facts, Dictionary<string, long> documents, List<CheckFinding> findings)
    {
        if (!documents.ContainsKey(FactBlocks.CollectionName) || !Try(findings, FactBlocks.CollectionName, () => new FactBlocks(db).IsCurrent, true))
        {
            findings.Add(new CheckFinding("Check_FactsMissing", [], IsError: false));
            return;
        }

        FactsComparison? found = Try<FactsComparison?>(findings, FactBlocks.CollectionName, () => facts.Compare(db), null);
        if (found is { Differences.Count: > 0 })
        {
            findings.Add(Error("Check_FactsDiffer", found.Missing.Count, found.Different.Count, found.Extra.Count));
        }
    }

    // Numbers are unique, and each year's counter is at least the highest number given, or the next case would get a used one.
    private static bool CheckNumbers(LiteDatabase db, List<string> numbers, List<CheckFinding> findings)
    {
        var duplicates = numbers.GroupBy(n => n, StringComparer.Ordinal).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            findings.Add(Error("Check_DuplicateNumbers", duplicates.Count, duplicates[0].Key));
        }

        var counters = db.GetCollection("counters");
        foreach (var year in numbers.Select(n => n.Split('-')).Where(p => p.Length == 2 && int.TryParse(p[1], out _)).GroupBy(p => p[0]))
        {
            long highest = year.Max(p => long.Parse(p[1], SwedishCulture.Instance));
            BsonDocument? counter = counters.FindById($"case-{year.Key}");
            long value = counter is null ? 0 : counter["Value"].AsInt64;
            if (value < highest)
            {
                findings.Add(Error("Check_CounterBehind", year.Key, value, highest));
            }
        }

        return true;
    }

    private static bool CheckIndexes(LiteDatabase db, Dictionary<string, long> documents, List<CheckFinding> findings)
    {
        var present = db.GetCollection("$indexes").FindAll()
            .Select(i => (i["collection"].AsString, i["name"].AsString))
            .ToHashSet();
        foreach (var (collection, field) in s_indexes)
        {
            if (!documents.TryGetValue(collection, out long all) || all < 0)
            {
                continue;
            }

            if (!present.Contains((collection, field)))
            {
                findings.Add(Error("Check_IndexMissing", collection, field));
                continue;
            }

            // Every document has one entry in every index (a missing value is indexed as null). Selecting
            // only the indexed field walks the index alone (LiteDB's index-key-only plan): no document is loaded.
            long indexed = Try(findings, collection, () => IndexEntries(db, collection, field), all);
            if (indexed != all)
            {
                findings.Add(Error("Check_IndexIncomplete", collection, field, indexed, all));
            }
        }

        return true;
    }

    private static long IndexEntries(LiteDatabase db, string collection, string field)
    {
        BsonExpression key = BsonExpression.Create("$." + field);
        long entries = 0;
        foreach (BsonDocument _ in db.GetCollection(collection).Query().Where(Query.GTE(field, BsonValue.MinValue)).Select(key).ToDocuments())
        {
            entries++;
        }

        return entries;
    }

    internal static T Try<T>(List<CheckFinding> findings, string collection, Func<T> read, T fallback)
    {
        try
        {
            return read();
        }
#pragma warning disable CA1031 // A damaged file throws whatever the reader trips over; the check reports it instead of dying.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            if (!findings.Any(f => f.Code == "Check_Unreadable" && f.Args[0] == collection))
            {
                findings.Add(Error("Check_Unreadable", collection, ex.Message));
            }

            return fallback;
        }
    }

    internal static void Dangling(List<CheckFinding> findings, string collection, string field, IEnumerable<long> ids)
    {
        var broken = ids.ToList();
        if (broken.Count > 0)
        {
            findings.Add(Error("Check_Dangling", broken.Count, collection, field, broken[0]));
        }
    }

    internal static CheckFinding Error(string code, params object[] args) => new(code, [.. args.Select(Text)], IsError: true);

    internal static string Text(object value) => Convert.ToString(value, SwedishCulture.Instance) ?? "";

    private readonly record struct Link(long Id, long Reference);

    /// <summary>What one pass over the documents keeps: ids, references and case numbers; nothing else is held.</summary>
    private sealed class Scan
    {
        public HashSet<long> Cases { get; } = [];

        public HashSet<long> Clients { get; } = [];

        public HashSet<long> Providers { get; } = [];

        public HashSet<long> Staff { get; } = [];

        public HashSet<long> Users { get; } = [];

        public List<Link> Events { get; } = [];

        public List<Link> CaseClients { get; } = [];

        public List<Link> CaseProviders { get; } = [];

        public List<Link> DeploymentCases { get; } = [];

        public List<Link> DeploymentStaff { get; } = [];

        public List<Link> OverrideOfficers { get; } = [];

        public List<Link> RotationOfficers { get; } = [];

        public List<string> Numbers { get; } = [];

        public DateTime? LastEventUtc { get; private set; }

        public FactsCheck Facts { get; } = new();

        private long _lastEventId = long.MinValue;

        /// <summary>Reads every document of the collection in full and returns how many there are.</summary>
        public long Read(LiteDatabase db, string collection)
        {
            Action<BsonDocument> keep = collection switch
            {
                "cases" => Case,
                "clients" => d => Clients.Add(Id(d)),
                "providers" => d => Providers.Add(Id(d)),
                "staff" => d => Staff.Add(Id(d)),
                "users" => d => Users.Add(Id(d)),
                "case_events" => Event,
                "deployments" => Deployment,
                "oncall_overrides" => d => OverrideOfficers.Add(new Link(Id(d), d[nameof(OnCallOverride.OfficerId)].AsInt64)),
                "rotations" => Rotation,
                _ => _ => { },
            };
            long count = 0;
            foreach (BsonDocument document in db.GetCollection(collection).FindAll())
            {
                keep(document);
                count++;
            }

            return count;
        }

        private static long Id(BsonDocument document) => document["_id"].AsInt64;

        private void Case(BsonDocument document)
        {
            long id = Id(document);
            Cases.Add(id);
            CaseClients.Add(new Link(id, document[nameof(Core.Cases.Case.ClientId)].AsInt64));
            if (document[nameof(Core.Cases.Case.ProviderId)] is { IsNull: false } provider)
            {
                CaseProviders.Add(new Link(id, provider.AsInt64));
            }

            Numbers.Add(document[nameof(Core.Cases.Case.Number)].AsString ?? "");
            Facts.Case(document);
        }

        private void Event(BsonDocument document)
        {
            long id = Id(document);
            Events.Add(new Link(id, document[nameof(CaseEvent.CaseId)].AsInt64));
            if (id > _lastEventId)
            {
                _lastEventId = id;
                LastEventUtc = document[nameof(CaseEvent.AtUtc)].AsDateTime.ToUniversalTime();
            }
        }

        private void Deployment(BsonDocument document)
        {
            long id = Id(document);
            DeploymentCases.Add(new Link(id, document[nameof(Core.Deployments.Deployment.CaseId)].AsInt64));
            DeploymentStaff.Add(new Link(id, document[nameof(Core.Deployments.Deployment.AssistantId)].AsInt64));
            Facts.Deployment(document);
        }

        private void Rotation(BsonDocument document)
        {
            long id = Id(document);
            if (document[nameof(Core.Roster.Rotation.OfficerIds)] is { IsArray: true } officers)
            {
                foreach (BsonValue officer in officers.AsArray)
                {
                    RotationOfficers.Add(new Link(id, officer.AsInt64));
                }
            }
        }
    }
}
