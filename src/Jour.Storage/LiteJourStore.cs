using System.Collections.Frozen;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Drafts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using LiteDB;
using LiteDB.Engine;

namespace Jour.Storage;

/// <summary>
/// Core's ports on one LiteDB database in direct mode. Only the server process may open the file
/// (TECH-NOTES: LiteDB's multi-process modes lose or corrupt data here). Every write is one
/// transaction, committed before the method returns.
/// </summary>
public sealed partial class LiteJourStore : IServedStore
{
    /// <summary>
    /// The schema this build writes. Version 2 added case revisions (concurrent edits); version 3 replaced
    /// the flat on-call shifts with rotation versions and overrides; version 4 moved the contract out of the
    /// settings into contracts with history.
    /// </summary>
    public const int SchemaVersion = 4;

    private static readonly string[] s_openStates =
    [
        nameof(CaseState.Received), nameof(CaseState.Assessing), nameof(CaseState.Staffing),
        nameof(CaseState.Covered), nameof(CaseState.ShortTermPlacement), nameof(CaseState.HandedBack),
    ];

    /// <summary>
    /// Engines closed by a failure, kept for the life of the process. A commit that fails halfway leaves its
    /// transaction neither committed nor rolled back (the rollback fails too: its pages are already with the log
    /// writer), and LiteDB 5.0.20 finalizes such a transaction by disposing it again on the finalizer thread, where
    /// the same failure is unhandled and ends the process (LiteDB #2828): the server, or the test run, long after.
    /// Kept reachable, it is never finalized; a failed engine is closed and holds little.
    /// </summary>
    private static readonly List<ILiteEngine> s_failedEngines = [];

    private readonly LiteDatabase _db;
    private readonly CommitNotifyingEngine _engine;
    private bool _rollbackFailed;
    private readonly ILiteCollection<Case> _cases;
    private readonly ILiteCollection<CaseEvent> _events;
    private readonly ILiteCollection<Client> _clients;
    private readonly ILiteCollection<Provider> _providers;
    private readonly ILiteCollection<StandbyAssistant> _staff;
    private readonly ILiteCollection<Rotation> _rotations;
    private readonly ILiteCollection<OnCallOverride> _overrides;
    private readonly ILiteCollection<User> _users;
    private readonly ILiteCollection<MetaDocument> _meta;
    private readonly ILiteCollection<CounterDocument> _counters;
    private readonly ILiteCollection<Draft> _drafts;
    private readonly ILiteCollection<Deployment> _deployments;
    private readonly ILiteCollection<FollowUpSettings> _settings;
    private readonly ILiteCollection<SignInThrottle> _signInThrottles;
    private readonly ILiteCollection<HandoverRecord> _handovers;
    private readonly ReadCache<KeptCases> _openCases;
    private readonly ReadCache<FrozenDictionary<long, string>> _clientNames;
    private readonly ReadCache<KeptClients> _allClients;

    // Every write reaches LiteDB through the engine, which says what each ended transaction wrote; that is
    // the one place the kept reads learn of it (no write method has to remember to tell them).
    private LiteJourStore(CommitNotifyingEngine engine, LiteDatabase db)
    {
        _db = db;
        _engine = engine;
        _openCases = new ReadCache<KeptCases>("cases", () => new KeptCases(ReadOpenCases()), () => engine.InTransaction);
        _clientNames = new ReadCache<FrozenDictionary<long, string>>("clients", ReadClientNames, () => engine.InTransaction);
        _allClients = new ReadCache<KeptClients>("clients", () => new KeptClients(ReadAllClients()), () => engine.InTransaction);
        engine.Committed += written =>
        {
            _openCases.Written(written);
            _clientNames.Written(written);
            _allClients.Written(written);
        };
        _db.UtcDate = true;

        // A checkpoint inside a commit stalled every waiting session for up to 100 ms; the server
        // checkpoints when writes pause instead (JourUseCases.CheckpointWhenQuiet). Committed data
        // is durable in the log either way.
        _db.CheckpointSize = 0;
        _cases = db.GetCollection<Case>("cases");
        _events = db.GetCollection<CaseEvent>("case_events");
        _clients = db.GetCollection<Client>("clients");
        _providers = db.GetCollection<Provider>("providers");
        _staff = db.GetCollection<StandbyAssistant>("staff");
        _rotations = db.GetCollection<Rotation>("rotations");
        _overrides = db.GetCollection<OnCallOverride>("oncall_overrides");
        _users = db.GetCollection<User>("users");
        _meta = db.GetCollection<MetaDocument>("meta");
        _counters = db.GetCollection<CounterDocument>("counters");
        _drafts = db.GetCollection<Draft>("drafts");
        _deployments = db.GetCollection<Deployment>("deployments");
        _settings = db.GetCollection<FollowUpSettings>("settings");
        _signInThrottles = db.GetCollection<SignInThrottle>("sign_in_throttles");
        _handovers = db.GetCollection<HandoverRecord>("handovers");
        Migrate();
        EnsureCollections();
        EnsureRecordIndexes();
        EnsureFollowUpIndexes();
        EnsureCallOutIndexes();
        EnsureContractIndexes();
        EnsureFollowUpFacts();
    }

    public bool IsDemo => _meta.FindById(MetaDocument.SingletonId)?.IsDemo ?? false;

    /// <summary>The underlying database, for backup and checks.</summary>
    public LiteDatabase Database => _db;

    /// <summary>
    /// Opens the encrypted file at <paramref name="path"/>, or creates it when it does not exist and
    /// <paramref name="mayCreate"/>. An existing file is first checked read-only (<see cref="DatabaseFileCheck"/>):
    /// a damaged one is refused and left as it was, never replaced. Commits are made durable by
    /// <see cref="WaitUntilDurable"/>, which the server calls before any answer leaves.
    /// </summary>
    public static LiteJourStore OpenFile(string path, string password, bool mayCreate = false, DiskReserve? reserve = null)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        string keyPath = Path.Combine(directory, DatabaseKey.FileName);
        string logPath = LogPathOf(path);
        bool exists = FileIsThere(path);
        if (exists)
        {
            DatabaseFileCheck.Verify(path, logPath, keyPath, password);
        }
        else if (!mayCreate)
        {
            throw new JourException(ErrorCodes.StorageMissing, path, "—");
        }

        DurableFileStream? data = null;
        DurableFileStream? log = null;
        LiteDatabase? db = null;
        try
        {
            data = DurableFileStream.Open(path, create: !exists);
            log = DurableFileStream.Open(logPath, create: true, syncOnFlush: false);
            var engine = new LiteEngine(new EngineSettings { DataStream = data, LogStream = log, Password = password });
            var watched = new CommitNotifyingEngine(engine);
            db = new LiteDatabase(watched, JourMapper.Create(), disposeOnClose: true);
            if (!exists)
            {
                // The new file's name must survive a power cut too, not only its pages.
                DirectorySync.Sync(directory);
            }

            return new LiteJourStore(watched, db)
            {
                FilePath = path,
                Password = password,
                Files = new OpenFiles(data, log, logPath, new CommitBarrier(engine, log)),
                Reserve = reserve,
            };
        }
        catch (LiteException ex) when (ex.ErrorCode == LiteException.INVALID_PASSWORD)
        {
            Close(db, data, log);
            throw new JourException(ErrorCodes.StorageWrongKey, path, keyPath);
        }
        catch (IOException ex) when (StorageFailure.IsDiskFull(ex))
        {
            Close(db, data, log);
            throw new JourException(ErrorCodes.StorageFull, directory);
        }
        catch (Exception ex) when (ex is LiteException or InvalidCastException or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            Close(db, data, log);
            throw new JourException(ErrorCodes.StorageUnreadable, path, ex.Message);
        }
    }

    /// <summary>
    /// Whether anything stands at <paramref name="path"/>, a dangling symbolic link included: such a path is
    /// refused as damaged, never taken for a place to create a new database.
    /// </summary>
    public static bool FileIsThere(string path) => File.Exists(path) || new FileInfo(path).LinkTarget is not null;

    /// <summary>LiteDB's name for the log (write-ahead) file beside <paramref name="path"/>: jour.db → jour-log.db.</summary>
    public static string LogPathOf(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? ".", Path.GetFileNameWithoutExtension(path) + "-log" + Path.GetExtension(path));

    /// <summary>
    /// Renames the database at <paramref name="path"/> and its log, when there is one, to PATH.LABEL-UTCTIME: kept whole,
    /// out of every server's way (a restore, a move to PostgreSQL). Returns the database's new path.
    /// </summary>
    public static string MoveAside(string path, string label)
    {
        string stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string aside = $"{path}.{label}-{stamp}";
        File.Move(path, aside);

        // A log left beside the file belongs to it, never to what takes its place.
        string log = LogPathOf(path);
        if (File.Exists(log))
        {
            File.Move(log, $"{log}.{label}-{stamp}");
        }

        return aside;
    }

    private static void Close(LiteDatabase? db, DurableFileStream? data, DurableFileStream? log)
    {
        try
        {
            db?.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException)
        {
            // Failing to open; the streams are closed below either way.
        }

        data?.Dispose();
        log?.Dispose();
    }

    /// <summary>The files of a store opened from disk (null in memory).</summary>
    private OpenFiles? Files { get; init; }

    /// <summary>The free space kept in reserve (null: no check, as in memory).</summary>
    private DiskReserve? Reserve { get; init; }

    /// <summary>
    /// Returns once every write committed so far is on stable storage; throws the I/O error that kept it
    /// from getting there (the store is then closed: nothing more can be saved until it is opened again).
    /// </summary>
    public void WaitUntilDurable() => Files?.Barrier.WaitUntilDurable();

    public StoreKind Kind => StoreKind.LiteDb;

    int IServedStore.SchemaVersion => SchemaVersion;

    /// <summary>None: one server owns the file, and its hub reaches every session there is.</summary>
    public IDisposable? RelayChanges(Core.Changes.ChangeHub hub, Microsoft.Extensions.Logging.ILogger log) => null;

    /// <summary>Whether the disk holding the database is below the warning level of its reserve.</summary>
    public bool DiskIsLow => Reserve?.IsLow ?? false;

    private void EnsureRoom() => Reserve?.EnsureRoom();

    /// <summary>A fresh database in memory, for tests.</summary>
    public static LiteJourStore InMemory()
    {
        var watched = new CommitNotifyingEngine(new LiteEngine(new EngineSettings { DataStream = new MemoryStream() }));
        return new(watched, new LiteDatabase(watched, JourMapper.Create()));
    }

    public void Checkpoint()
    {
        // After a failed write (a full disk, a damaged page) LiteDB has closed the engine, but the failed
        // transaction still holds its lock: a checkpoint would wait a minute for it and then fail. Fail now.
        if (ClosedBy() is { } failure)
        {
            throw new IOException("The database engine was closed by an earlier failure", failure);
        }

        // A backup copies the data file between checkpoints; this waits for it.
        lock (_checkpointGate)
        {
            _db.Checkpoint();
        }
    }

    /// <summary>
    /// Rolls back after a failed write without hiding why it failed: after a full disk LiteDB's rollback
    /// itself fails (its engine is closed), and that second exception must not replace the first.
    /// </summary>
    private void RollbackAfterFailure()
    {
        try
        {
            _db.Rollback();
        }
        catch (Exception ex) when (ex is LiteException or IOException or ObjectDisposedException or LockRecursionException)
        {
            // The caller rethrows the original failure; the transaction may be left half-done (s_failedEngines).
            _rollbackFailed = true;
        }
    }

    /// <summary>The failure that closed LiteDB's engine, or null while it works (one read of the meta document).</summary>
    public Exception? ClosedBy()
    {
        // The file's own first failure names the cause (a full disk); after it LiteDB's engine is closed and
        // a probe would only meet an ObjectDisposedException from its lock.
        if ((Files?.Log.Failure ?? Files?.Data.Failure) is { } fileFailure)
        {
            return fileFailure;
        }

        try
        {
            _meta.FindById(MetaDocument.SingletonId);
            return null;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex;
        }
    }

    public IReadOnlyList<Deployment> LoadDeploymentsForCase(long caseId) => [.. _deployments.Find(Query.EQ(nameof(Deployment.CaseId), caseId))];

    public IReadOnlyList<Deployment> LoadDeployments(DateTime fromUtc, DateTime toUtc) =>
        [.. _deployments.Find(Query.And(Query.GT(nameof(Deployment.ToUtc), fromUtc), Query.LT(nameof(Deployment.FromUtc), toUtc)))];

    public Deployment? FindDeployment(long id) => _deployments.FindById(id);

    public Deployment AddDeployment(Deployment deployment)
    {
        InTransaction(() =>
        {
            _deployments.Insert(deployment);
            DeploymentWritten(null, deployment);
        });
        return deployment;
    }

    public void UpdateDeployment(Deployment deployment) => InTransaction(() =>
    {
        Deployment? before = _deployments.FindById(deployment.Id);
        _deployments.Update(deployment);
        DeploymentWritten(before, deployment);
    });

    public IReadOnlyList<HandoverRecord> LoadHandovers(int max) => [.. _handovers.Find(Query.All(Query.Descending), limit: max)];

    public HandoverRecord? LatestHandover() => _handovers.FindOne(Query.All(Query.Descending));

    public HandoverRecord? FindHandover(long id) => _handovers.FindById(id);

    public HandoverRecord AddHandover(HandoverRecord handover)
    {
        InTransaction(() => _handovers.Insert(handover));
        return handover;
    }

    public void UpdateHandover(HandoverRecord handover) => InTransaction(() => _handovers.Update(handover));

    public StandbyAssistant? FindStaff(long id) => _staff.FindById(id);

    public void UpdateStaff(StandbyAssistant assistant) => InTransaction(() => _staff.Update(assistant));

    public bool TryUpdateStaff(StandbyAssistant assistant, int expectedRevision) =>
        TryUpdate(_staff, assistant, assistant.Id, expectedRevision, a => a.Revision, (a, r) => a.Revision = r);

    public Draft? FindDraft(string id) => _drafts.FindById(id);

    public void SaveDraft(Draft draft) => InTransaction(() => _drafts.Upsert(draft));

    public void DeleteDraft(string id) => InTransaction(() => _drafts.Delete(id));

    public void Dispose()
    {
        // The shutdown checkpoint is off with the automatic one; leave a compact file behind.
        try
        {
            Checkpoint();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException or TimeoutException)
        {
            // The log stays and is replayed on the next open. After a full disk or a damaged file the
            // engine is closed already (LiteDB then fails even to take its lock).
        }

        bool failed = _rollbackFailed || ClosedBy() is not null;
        try
        {
            _db.Dispose();
        }
        catch (Exception ex) when (ex is LiteException or IOException or LockRecursionException)
        {
            // Closed by a storage failure: nothing more can be written; the next open replays the log.
            failed = true;
        }

        if (failed)
        {
            lock (s_failedEngines)
            {
                s_failedEngines.Add(_engine);
            }
        }

        Files?.Close();
    }

    public void Reset(bool isDemo)
    {
        EnsureRoom();
        try
        {
            _db.BeginTrans();
            foreach (string name in _db.GetCollectionNames().ToList())
            {
                _db.GetCollection(name).DeleteAll();
            }

            _meta.Upsert(new MetaDocument { IsDemo = isDemo, CreatedUtc = DateTime.UtcNow });
            Facts.MarkCurrent();
            _db.Commit();
        }
        catch
        {
            RollbackAfterFailure();
            throw;
        }
    }

    /// <summary>Copies of the kept open cases: what a caller changes in them, no other caller sees.</summary>
    public IReadOnlyList<Case> LoadOpenCases() => _openCases.Get().Copies();

    /// <summary>The kept open cases' rows, immutable, the same for every caller until a case is written.</summary>
    public IReadOnlyList<CaseRow> LoadOpenCaseRows() => _openCases.Get().Rows;

    private IReadOnlyList<Case> ReadOpenCases() =>
        [.. _cases.Find(Query.In(nameof(Case.State), s_openStates.Select(s => new BsonValue(s))))];

    public Case? FindCase(long id) => _cases.FindById(id);

    public Case? FindCaseByNumber(string number) => _cases.FindOne(Query.EQ(nameof(Case.Number), number));

    public IReadOnlyList<CaseEvent> LoadTimeline(long caseId) => [.. _events.Find(Query.EQ(nameof(CaseEvent.CaseId), caseId))];

    public bool TrySaveCase(Case updated, int expectedRevision, CaseEvent entry)
    {
        EnsureRoom();
        _db.BeginTrans();
        try
        {
            Case? stored = _cases.FindById(updated.Id);
            if (stored is null || stored.Revision != expectedRevision)
            {
                _db.Rollback();
                return false;
            }

            _cases.Update(updated);
            CaseWritten(stored, updated);
            entry.CaseId = updated.Id;
            _events.Insert(entry);
            _db.Commit();
            return true;
        }
        catch
        {
            RollbackAfterFailure();
            throw;
        }
    }

    public Case AddCase(Case newCase, CaseEvent entry)
    {
        EnsureRoom();
        _db.BeginTrans();
        try
        {
            int year = SwedishTime.ToLocal(newCase.ReceivedUtc).Year;
            newCase.Number = $"{year}-{NextValue($"case-{year}"):0000}";
            _cases.Insert(newCase);
            CaseWritten(null, newCase);
            entry.CaseId = newCase.Id;
            _events.Insert(entry);
            _db.Commit();
            return newCase;
        }
        catch
        {
            RollbackAfterFailure();
            throw;
        }
    }

    public long CountCases() => _cases.LongCount();

    public IReadOnlyList<Case> LoadCases(CaseState state) => [.. _cases.Find(Query.EQ(nameof(Case.State), state.ToString()))];

    public int CountOpenCases() => _cases.Count(Query.In(nameof(Case.State), s_openStates.Select(s => new BsonValue(s))));

    /// <summary>Copies of the kept clients: what a caller changes in them, no other caller sees.</summary>
    public IReadOnlyList<Client> LoadClients() => _allClients.Get().Copies();

    private List<Client> ReadAllClients() => [.. _clients.FindAll()];

    // Only _id and Name are read from each document (LiteDB stops reading a document once the selected fields are found).
    public IReadOnlyDictionary<long, string> LoadClientNames() => _clientNames.Get();

    private FrozenDictionary<long, string> ReadClientNames() =>
        _db.GetCollection("clients").Query().Select(BsonExpression.Create($"{{ _id: $._id, n: $.{nameof(Client.Name)} }}")).ToEnumerable()
            .ToFrozenDictionary(d => d["_id"].AsInt64, d => d["n"].AsString ?? "");

    public Client? FindClient(long id) => _clients.FindById(id);

    public Client AddClient(Client client)
    {
        InTransaction(() => _clients.Insert(client));
        return client;
    }

    public void AddStaffMembers(IReadOnlyList<StandbyAssistant> assistants) => InTransaction(() => _staff.InsertBulk(assistants));

    public void AddClients(IReadOnlyList<Client> clients) => InTransaction(() => _clients.InsertBulk(clients));

    public bool TryUpdateClient(Client client, int expectedRevision) =>
        TryUpdate(_clients, client, client.Id, expectedRevision, c => c.Revision, (c, r) => c.Revision = r);

    public IReadOnlyList<Provider> LoadProviders() => [.. _providers.FindAll()];

    public Provider? FindProvider(long id) => _providers.FindById(id);

    public Provider AddProvider(Provider provider)
    {
        InTransaction(() => _providers.Insert(provider));
        return provider;
    }

    public void AddProviders(IReadOnlyList<Provider> providers) => InTransaction(() => _providers.InsertBulk(providers));

    public bool TryUpdateProvider(Provider provider, int expectedRevision) =>
        TryUpdate(_providers, provider, provider.Id, expectedRevision, p => p.Revision, (p, r) => p.Revision = r);

    private bool TryUpdate<T>(ILiteCollection<T> collection, T updated, long id, int expectedRevision, Func<T, int> revision, Action<T, int> setRevision)
    {
        EnsureRoom();
        _db.BeginTrans();
        try
        {
            T? stored = collection.FindById(id);
            if (stored is null || revision(stored) != expectedRevision)
            {
                _db.Rollback();
                return false;
            }

            setRevision(updated, expectedRevision + 1);
            collection.Update(updated);
            _db.Commit();
            return true;
        }
        catch
        {
            RollbackAfterFailure();
            setRevision(updated, expectedRevision);
            throw;
        }
    }

    // Joins a transaction the caller already began on this thread (LiteDB's BeginTrans then returns
    // false): committing there would commit the caller's unfinished work. Every write of the store comes
    // through here (or through the revision-checked saves, which check the reserve the same way), so a
    // nearly full disk refuses it before LiteDB writes a page. A few small writes without which no one
    // could sign in or read (the sign-in throttle, the access log) may use the reserve: that is what it is for.
    private void InTransaction(Action work, bool mayUseReserve = false)
    {
        if (!mayUseReserve)
        {
            EnsureRoom();
        }

        bool began = _db.BeginTrans();
        try
        {
            work();
            if (began)
            {
                _db.Commit();
            }
        }
        catch
        {
            if (began)
            {
                RollbackAfterFailure();
            }

            throw;
        }
    }

    public IReadOnlyList<StandbyAssistant> LoadStaff() => [.. _staff.FindAll()];

    public StandbyAssistant AddStaff(StandbyAssistant assistant)
    {
        InTransaction(() => _staff.Insert(assistant));
        return assistant;
    }

    public IReadOnlyList<Rotation> LoadRotations() => [.. _rotations.FindAll()];

    public Rotation AddRotation(Rotation rotation)
    {
        InTransaction(() => _rotations.Insert(rotation));
        return rotation;
    }

    public IReadOnlyList<OnCallOverride> LoadOverrides(DateTime fromUtc, DateTime toUtc) =>
        [.. _overrides.Find(Query.And(Query.LT(nameof(OnCallOverride.FromUtc), toUtc), Query.GT(nameof(OnCallOverride.ToUtc), fromUtc)))];

    public void AddOverrides(IReadOnlyList<OnCallOverride> overrides) => InTransaction(() =>
    {
        foreach (OnCallOverride o in overrides)
        {
            _overrides.Insert(o);
        }
    });

    public IReadOnlyList<User> LoadUsers() => [.. _users.FindAll()];

    public User? FindUser(long id) => _users.FindById(id);

    public User AddUser(User user)
    {
        InTransaction(() => _users.Insert(user));
        return user;
    }

    public void SaveUser(User user) => InTransaction(() => _users.Update(user));

    public SignInThrottle? FindSignInThrottle(long userId) => _signInThrottles.FindById(userId);

    public void SaveSignInThrottle(SignInThrottle throttle) => InTransaction(() => _signInThrottles.Upsert(throttle), mayUseReserve: true);

    public void DeleteSignInThrottle(long userId) => InTransaction(() => _signInThrottles.Delete(userId), mayUseReserve: true);

    public string? LoadSetUpCodeHash() => _meta.FindById(MetaDocument.SingletonId)?.SetUpCodeHash;

    public void SaveSetUpCodeHash(string? hash) => InTransaction(() => SetCodeHash(hash));

    public User AddFirstAdmin(User admin)
    {
        InTransaction(() =>
        {
            _users.Insert(admin);
            SetCodeHash(null);
        });
        return admin;
    }

    private void SetCodeHash(string? hash)
    {
        MetaDocument meta = _meta.FindById(MetaDocument.SingletonId) ?? new MetaDocument { CreatedUtc = DateTime.UtcNow };
        meta.SetUpCodeHash = hash;
        _meta.Upsert(meta);
    }

    private long NextValue(string counter)
    {
        CounterDocument doc = _counters.FindById(counter) ?? new CounterDocument { Id = counter };
        doc.Value++;
        _counters.Upsert(doc);
        return doc.Value;
    }

    /// <summary>Every collection the store writes. Each exists from the moment the store is open (see <see cref="EnsureCollections"/>).</summary>
    public static readonly IReadOnlyList<string> CollectionNames =
    [
        "cases", "case_events", "clients", "providers", "staff", "rotations", "oncall_overrides", "users", "meta", "counters",
        "drafts", "deployments", "settings", "sign_in_throttles", "handovers", "journal", "access_log", "incidents", "complaints",
        "contracts", "callouts", "sms_settings", "sms_inbox", "sms_notices", "pool_settings", "short_term_units", "short_term_bookings", "paid_hours",
        "ivo_investigations", "retention_settings", "thinnings", "hygiene_checks",
    ];

    /// <summary>
    /// Creates every collection before any session reads. LiteDB 5 can fail a read of a collection that another
    /// transaction is creating at that moment ("page type must be collection page", LiteDB issue 2792): the reader
    /// finds the name in the shared header but reads the page from its older snapshot. Reads run beside writes here,
    /// so no collection may be born while the server runs.
    /// </summary>
    /// <summary>The collections in the file now, for the test that no write creates one.</summary>
    public IReadOnlyList<string> ExistingCollections() => [.. _db.GetCollectionNames()];

    private void EnsureCollections()
    {
        var existing = _db.GetCollectionNames().ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (string name in CollectionNames.Where(n => !existing.Contains(n)))
        {
            // LiteDB has no "create collection": the first insert makes it; the placeholder goes in the same transaction.
            _db.BeginTrans();
            var collection = _db.GetCollection(name);
            collection.Insert(new BsonDocument { ["_id"] = "jour-create" });
            collection.Delete("jour-create");
            _db.Commit();
        }
    }

    private void Migrate()
    {
        int version = _db.UserVersion;
        if (version > SchemaVersion)
        {
            throw new JourException(ErrorCodes.StorageNewerSchema, version.ToString(SwedishCulture.Instance), SchemaVersion.ToString(SwedishCulture.Instance));
        }

        if (version == SchemaVersion)
        {
            return;
        }

        _db.BeginTrans();
        if (version == 1)
        {
            MigrateV1ToV2();
        }

        if (version is 1 or 2)
        {
            MigrateV2ToV3();
        }

        if (version is 1 or 2 or 3)
        {
            MigrateV3ToV4();
        }

        _cases.EnsureIndex(c => c.State);
        _cases.EnsureIndex(c => c.ClientId);
        _events.EnsureIndex(e => e.CaseId);
        _deployments.EnsureIndex(d => d.CaseId);
        _deployments.EnsureIndex(d => d.FromUtc);
        _deployments.EnsureIndex(d => d.ToUtc);
        _overrides.EnsureIndex(o => o.FromUtc);
        _overrides.EnsureIndex(o => o.ToUtc);
        _clients.EnsureIndex(c => c.PersonalIdentityNumber);
        if (_meta.FindById(MetaDocument.SingletonId) is null)
        {
            _meta.Insert(new MetaDocument { IsDemo = false, CreatedUtc = DateTime.UtcNow });
        }

        _db.Commit();
        _db.UserVersion = SchemaVersion;
    }

    // Version 1 had no revision on cases; every stored case starts at revision 1 so the first
    // concurrent-edit check has something to compare.
    private void MigrateV1ToV2()
    {
        var raw = _db.GetCollection("cases");
        foreach (BsonDocument doc in raw.FindAll().ToList())
        {
            if (!doc.ContainsKey(nameof(Case.Revision)))
            {
                doc[nameof(Case.Revision)] = 1;
                raw.Update(doc);
            }
        }
    }

    // Version 2 kept on-call shifts as a flat list. Each becomes an override with the same officer and
    // times, so who was on call in the past reads exactly as before; the rotation is entered anew (from now).
    private void MigrateV2ToV3()
    {
        if (!_db.CollectionExists("shifts"))
        {
            return;
        }

        var shifts = _db.GetCollection("shifts");
        foreach (BsonDocument doc in shifts.FindAll().ToList())
        {
            _overrides.Insert(new OnCallOverride
            {
                OfficerId = doc["OfficerId"].AsInt64,
                FromUtc = doc["StartUtc"].AsDateTime.ToUniversalTime(),
                ToUtc = doc["EndUtc"].AsDateTime.ToUniversalTime(),
                Kind = OverrideKind.Cover,
                CreatedUtc = DateTime.UtcNow,
            });
        }

        // Emptied rather than dropped: LiteDB cannot drop a collection inside the migration's transaction.
        shifts.DeleteAll();
    }
}
