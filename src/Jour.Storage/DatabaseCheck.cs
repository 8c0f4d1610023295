using System.Diagnostics;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Sessions;
using Jour.Core.Staff;
using Jour.Core.Users;
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
        using LiteDatabase db = OpenReadOnly(path, password);
        return Run(db, path, clock);
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
        if (version > LiteJourStore.SchemaVersion)
        {
            findings.Add(Error("Check_SchemaNewer", version, LiteJourStore.SchemaVersion));
        }
        else if (version < LiteJourStore.SchemaVersion)
        {
            findings.Add(new CheckFinding("Check_SchemaOlder", [Text(version), Text(LiteJourStore.SchemaVersion)], IsError: false));
        }

        var counts = new List<CheckCount>();
        foreach (string name in Try(findings, "$database", () => db.GetCollectionNames().Order(StringComparer.Ordinal).ToList(), []))
        {
            counts.Add(new CheckCount(name, Try(findings, name, () => db.GetCollection(name).LongCount(), -1)));
        }

        var cases = Read<Case>(db, "cases", findings);
        var clients = Ids(Read<Client>(db, "clients", findings), c => c.Id);
        var providers = Ids(Read<Provider>(db, "providers", findings), p => p.Id);
        var staff = Ids(Read<StandbyAssistant>(db, "staff", findings), s => s.Id);
        var users = Ids(Read<User>(db, "users", findings), u => u.Id);
        var caseIds = Ids(cases, c => c.Id);
        var events = Read<CaseEvent>(db, "case_events", findings);
        var deployments = Read<Deployment>(db, "deployments", findings);
        var overrides = Read<OnCallOverride>(db, "oncall_overrides", findings);
        var rotations = Read<Rotation>(db, "rotations", findings);

        Dangling(findings, "case_events", "CaseId", events.Where(e => !caseIds.Contains(e.CaseId)).Select(e => e.Id));
        Dangling(findings, "cases", "ClientId", cases.Where(c => !clients.Contains(c.ClientId)).Select(c => c.Id));
        Dangling(findings, "cases", "ProviderId", cases.Where(c => c.ProviderId is { } p && !providers.Contains(p)).Select(c => c.Id));
        Dangling(findings, "deployments", "CaseId", deployments.Where(d => !caseIds.Contains(d.CaseId)).Select(d => d.Id));
        Dangling(findings, "deployments", "AssistantId", deployments.Where(d => !staff.Contains(d.AssistantId)).Select(d => d.Id));
        Dangling(findings, "oncall_overrides", "OfficerId", overrides.Where(o => !users.Contains(o.OfficerId)).Select(o => o.Id));
        Dangling(findings, "rotations", "OfficerIds", rotations.Where(r => r.OfficerIds.Any(o => !users.Contains(o))).Select(r => r.Id));
        Try(findings, "counters", () => CheckNumbers(db, cases, findings), false);
        Try(findings, "$indexes", () => CheckIndexes(db, findings), false);
        if (Try(findings, "meta", () => db.GetCollection("meta").LongCount(), 1) == 0)
        {
            findings.Add(Error("Check_MetaMissing"));
        }

        DateTime? last = events.Count > 0 ? events.MaxBy(e => e.Id)!.AtUtc : null;
        return new CheckReport(path, version, LiteJourStore.SchemaVersion, counts, findings, last, clock.Elapsed.TotalSeconds);
    }

    // Numbers are unique, and each year's counter is at least the highest number given, or the next case would get a used one.
    private static bool CheckNumbers(LiteDatabase db, List<Case> cases, List<CheckFinding> findings)
    {
        var duplicates = cases.GroupBy(c => c.Number).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            findings.Add(Error("Check_DuplicateNumbers", duplicates.Count, duplicates[0].Key));
        }

        var counters = db.GetCollection("counters");
        foreach (var year in cases.Select(c => c.Number.Split('-')).Where(p => p.Length == 2 && int.TryParse(p[1], out _)).GroupBy(p => p[0]))
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

    private static bool CheckIndexes(LiteDatabase db, List<CheckFinding> findings)
    {
        var present = db.GetCollection("$indexes").FindAll()
            .Select(i => (i["collection"].AsString, i["name"].AsString))
            .ToHashSet();
        foreach (var (collection, field) in s_indexes)
        {
            if (!db.CollectionExists(collection))
            {
                continue;
            }

            if (!present.Contains((collection, field)))
            {
                findings.Add(Error("Check_IndexMissing", collection, field));
                continue;
            }

            // Every document has one entry in every index (a missing value is indexed as null).
            var documents = db.GetCollection(collection);
            long all = documents.LongCount();
            long indexed = Try(findings, collection, () => documents.LongCount(Query.GTE(field, BsonValue.MinValue)), all);
            if (indexed != all)
            {
                findings.Add(Error("Check_IndexIncomplete", collection, field, indexed, all));
            }
        }

        return true;
    }

    private static List<T> Read<T>(LiteDatabase db, string collection, List<CheckFinding> findings) =>
        Try(findings, collection, () => db.GetCollection<T>(collection).FindAll().ToList(), []);

    private static T Try<T>(List<CheckFinding> findings, string collection, Func<T> read, T fallback)
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

    private static void Dangling(List<CheckFinding> findings, string collection, string field, IEnumerable<long> ids)
    {
        var broken = ids.ToList();
        if (broken.Count > 0)
        {
            findings.Add(Error("Check_Dangling", broken.Count, collection, field, broken[0]));
        }
    }

    private static HashSet<long> Ids<T>(List<T> documents, Func<T, long> id) => [.. documents.Select(id)];

    private static CheckFinding Error(string code, params object[] args) => new(code, [.. args.Select(Text)], IsError: true);

    private static string Text(object value) => Convert.ToString(value, SwedishCulture.Instance) ?? "";
}
