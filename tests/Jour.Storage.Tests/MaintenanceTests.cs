using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Generation;
using Jour.Core.Operations;
using Jour.Storage;

namespace Jour.Storage.Tests;

/// <summary>Backup while writing, and what the check says about damaged files and a wrong key (issue 9).</summary>
public sealed class MaintenanceTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-ops-").FullName;

    // Backups are refused inside the database's directory (issue 16), so they go here.
    private readonly string _elsewhere = Directory.CreateTempSubdirectory("jour-ops-out-").FullName;

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        Directory.Delete(_elsewhere, recursive: true);
    }

    private string Db => Path.Combine(_dir, "jour.db");

    private LiteJourStore Generated()
    {
        LiteJourStore store = LiteJourStore.OpenFile(Db, "k", mayCreate: true);
        LargeData.Generate(store, store, new LargeDataOptions { Cases = 300, Clients = 40, Staff = 20, OpenCases = 30, UpcomingDeployments = 60, BatchSize = 100 }, TimeProvider.System);
        return store;
    }

    [Fact]
    public async Task Backup_WhileAnotherThreadCommits_IsASoundCopyOfTheCheckpoint_WithItsChecksum()
    {
        using LiteJourStore store = Generated();
        Case open = store.LoadOpenCases()[0];
        using var stop = new CancellationTokenSource();
        int written = 0;
        var writer = Task.Run(
            () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    store.AddCase(new Case { ClientId = open.ClientId, ReceivedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow, Revision = 1 }, new CaseEvent { AtUtc = DateTime.UtcNow, To = CaseState.Received, Text = "w" });
                    Interlocked.Increment(ref written);
                }
            },
            TestContext.Current.CancellationToken);
        while (Volatile.Read(ref written) < 20)
        {
            Thread.Sleep(5);
        }

        string target = Path.Combine(_elsewhere, "backup", "b.db");
        BackupResult result = store.BackupTo(target);
        await stop.CancelAsync();
        await writer;

        Assert.True(result.Cases >= 300 + 20);
        Assert.Equal($"{result.Sha256}  b.db\n", File.ReadAllText(target + ".sha256"));
        CheckReport copy = DatabaseCheck.RunFile(target, "k");
        Assert.True(copy.IsSound, string.Join("; ", copy.Findings.Select(f => Messages.Format(f.Code, f.Args))));
        Assert.Equal(result.Cases, copy.Counts.Single(c => c.Collection == "cases").Count);
        Assert.Throws<JourException>(() => store.BackupTo(target));

        // Nothing written after the backup is lost from the live file.
        Assert.Equal(300 + written, store.CountCases());
    }

    [Fact]
    public void Backup_IntoTheDataDirectory_IsRefused_AndTheDatabaseIsUntouched()
    {
        using LiteJourStore store = Generated();
        byte[] before = File.ReadAllBytes(Db);

        var ex = Assert.Throws<JourException>(() => store.BackupTo(Path.Combine(_dir, "copy.db")));

        Assert.Equal(ErrorCodes.OutputInDataDirectory, ex.Code);
        Assert.False(File.Exists(Path.Combine(_dir, "copy.db")));
        Assert.Equal(before, File.ReadAllBytes(Db));
    }

    [Fact]
    public void Backup_WithALinkWhereTheChecksumGoes_IsRefused_AndTheLinksTargetIsUntouched()
    {
        using LiteJourStore store = Generated();
        string victim = Path.Combine(_elsewhere, "victim.txt");
        File.WriteAllText(victim, "keep");
        string target = Path.Combine(_elsewhere, "b.db");
        File.CreateSymbolicLink(target + ".sha256", victim);

        var ex = Assert.Throws<JourException>(() => store.BackupTo(target));

        Assert.Equal(ErrorCodes.OutputIsLink, ex.Code);
        Assert.False(File.Exists(target));
        Assert.Equal("keep", File.ReadAllText(victim));
    }

    [Fact]
    public void Check_OfAGeneratedFile_IsSound_AndCountsEveryCollection()
    {
        using (Generated())
        {
        }

        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        Assert.True(report.IsSound);
        Assert.Equal(300, report.Counts.Single(c => c.Collection == "cases").Count);
        Assert.NotNull(report.LastActivityUtc);
    }

    [Fact]
    public void Check_WithTheWrongKey_SaysSo()
    {
        using (Generated())
        {
        }

        var ex = Assert.Throws<JourException>(() => DatabaseCheck.RunFile(Db, "wrong"));
        Assert.Equal(ErrorCodes.StorageWrongKey, ex.Code);
    }

    [Fact]
    public void Check_OfATruncatedFile_FailsClearly()
    {
        using (Generated())
        {
        }

        using (var file = new FileStream(Db, FileMode.Open))
        {
            file.SetLength(file.Length / 2);
        }

        Assert.False(Sound(Db));
    }

    [Fact]
    public void Check_OfAFileWithDamagedPages_FailsClearly()
    {
        using (Generated())
        {
        }

        using (var file = new FileStream(Db, FileMode.Open))
        {
            var random = new Random(3);
            for (long at = 8192 * 3; at < file.Length; at += 8192 * 7)
            {
                file.Position = at + random.Next(32, 8000);
                file.Write([0xde, 0xad, 0xbe, 0xef, 0x00, 0x13]);
            }
        }

        Assert.False(Sound(Db));
    }

    [Fact]
    public void Check_FindsFollowUpFactsThatDisagree_AndTheRebuildMendsThem()
    {
        using (LiteJourStore store = Generated())
        {
            Assert.Empty(DatabaseCheck.Run(store.Database, Db, System.Diagnostics.Stopwatch.StartNew()).Findings);

            // A time report changed behind the store's back: its fact still says the old length.
            var deployments = store.Database.GetCollection<Jour.Core.Deployments.Deployment>("deployments");
            var d = deployments.FindOne(x => x.Report != null);
            d.Report!.BreakMinutes += 15;
            deployments.Update(d);
        }

        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        CheckFinding differ = Assert.Single(report.Findings);
        Assert.Equal(("Check_FactsDiffer", "0", "2", "0"), (differ.Code, differ.Args[0], differ.Args[1], differ.Args[2]));

        using (LiteJourStore store = LiteJourStore.OpenFile(Db, "k", mayCreate: true))
        {
            store.RebuildFollowUpFacts();
        }

        Assert.True(DatabaseCheck.RunFile(Db, "k").IsSound);
    }

    [Fact]
    public void Check_FindsAReferenceToACaseThatDoesNotExist()
    {
        using (LiteJourStore store = Generated())
        {
            store.Database.GetCollection<CaseEvent>("case_events").Insert(new CaseEvent { CaseId = 999_999, Text = "orphan" });
        }

        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        CheckFinding dangling = Assert.Single(report.Findings);
        Assert.Equal(("Check_Dangling", "case_events", "CaseId"), (dangling.Code, dangling.Args[1], dangling.Args[2]));
    }

    [Fact]
    public void Check_FindsADuplicateCaseNumber_AndACounterBehind()
    {
        using (LiteJourStore store = Generated())
        {
            Case first = store.Database.GetCollection<Case>("cases").FindAll().First();
            store.Database.GetCollection<Case>("cases").Insert(new Case { Number = first.Number, ClientId = first.ClientId, ReceivedUtc = first.ReceivedUtc });
            string year = first.Number.Split('-')[0];
            store.Database.GetCollection<Case>("cases").Insert(new Case { Number = $"{year}-99999", ClientId = first.ClientId, ReceivedUtc = first.ReceivedUtc });
        }

        CheckReport report = DatabaseCheck.RunFile(Db, "k");
        // The two cases went in behind the store's back, so the follow-up facts lack them too.
        Assert.Equal(["Check_CounterBehind", "Check_DuplicateNumbers", "Check_FactsDiffer"], report.Findings.Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Equal(302, report.Counts.Single(c => c.Collection == "cases").Count);
    }

    // A damaged file either refuses to open (a clear JourException) or opens and the check reports errors.
    private static bool Sound(string path)
    {
        try
        {
            return DatabaseCheck.RunFile(path, "k").IsSound;
        }
        catch (JourException ex)
        {
            Assert.Contains(ex.Code, new[] { ErrorCodes.StorageUnreadable, ErrorCodes.StorageWrongKey });
            return false;
        }
    }
}
