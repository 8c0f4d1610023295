using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Storage;
using LiteDB;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Storage.Tests;

public sealed class LiteJourStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-store-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void OpenFile_OfSchemaVersion1_MigratesCasesToRevisions_AndKeepsThem()
    {
        string path = Path.Combine(_dir, "v1.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Password = "k" }))
        {
            // Version 1 stored cases without a revision.
            var cases = old.GetCollection("cases");
            cases.Insert(new BsonDocument { ["_id"] = 1L, ["Number"] = "2025-0001", ["State"] = "Staffing", ["ClientId"] = 3L });
            old.UserVersion = 1;
        }

        using LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true);

        Case migrated = store.FindCase(1)!;
        Assert.Equal(1, migrated.Revision);
        Assert.Equal(CaseState.Staffing, migrated.State);
        Assert.Equal(LiteJourStore.SchemaVersion, store.Database.UserVersion);
        Assert.Single(store.LoadOpenCases());
    }

    [Fact]
    public void OpenFile_OfSchemaVersion2_KeepsEveryOldShiftAsAnOverride_SoThePastReadsTheSame()
    {
        string path = Path.Combine(_dir, "v2.db");
        var start = new DateTime(2026, 11, 20, 6, 0, 0, DateTimeKind.Utc);
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Password = "k" }))
        {
            old.GetCollection("shifts").Insert(new BsonDocument { ["_id"] = 1L, ["OfficerId"] = 4L, ["StartUtc"] = start, ["EndUtc"] = start.AddHours(12) });
            old.UserVersion = 2;
        }

        using LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true);

        OnCallOverride migrated = Assert.Single(store.LoadOverrides(start, start.AddDays(1)));
        Assert.Equal((4L, start, start.AddHours(12)), (migrated.OfficerId, migrated.FromUtc, migrated.ToUtc));
        Assert.Equal(0, store.Database.GetCollection("shifts").Count());
        Assert.Equal(LiteJourStore.SchemaVersion, store.Database.UserVersion);
    }

    [Fact]
    public void OpenFile_OfSchemaVersion3_MakesTheOldSettingsAContract_SoTheDatabaseKeepsItsFigures()
    {
        string path = Path.Combine(_dir, "v3.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Password = "k" }))
        {
            // Version 3 kept the contract in the settings (jour settings --set annual-compensation=… and so on).
            old.GetCollection("settings").Insert(new BsonDocument
            {
                ["_id"] = "followup",
                ["SupplierName"] = "Leanlink LSS Funktionsstöd",
                ["CustomerReference"] = "SON-2026-117",
                ["ContractStart"] = "2026-01-01",
                ["ContractEnd"] = "2026-12-31",
                ["AnnualCompensation"] = 1_825_000m,
                ["UtilisationTargetPercent"] = 65m,
                ["CapacityHoursPerYear"] = 3_650m,
            });
            old.UserVersion = 3;
        }

        using (LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true))
        {
            Contract contract = Assert.Single(store.LoadContracts());
            Assert.Equal(("2026-01-01", "2026-12-31"), (contract.From, contract.To));
            Assert.Equal((1_825_000m, 65m, 3_650m), (contract.AnnualKr, contract.UtilisationPercent, contract.CapacityHoursPerYear));
            Assert.Equal(ContractChangeKind.Migrated, Assert.Single(contract.History).Kind);
            Assert.Equal("SON-2026-117", store.LoadSettings()!.CustomerReference);
            Assert.Equal(30, store.LoadSettings()!.PaymentTermDays); // a payment term was no setting then: seed 000's 30 days
            BsonDocument settings = store.Database.GetCollection("settings").FindById("followup");
            Assert.False(settings.ContainsKey("AnnualCompensation"));
            Assert.False(settings.ContainsKey("ContractEnd"));
            Assert.Equal(LiteJourStore.SchemaVersion, store.Database.UserVersion);

            // The fourth quarter counts as schema 3 counted it: 1 825 000 × 92 / 365 = 460 000 kr, 3 650 × 92 / 365 = 920 h, target 65 %.
            var q4 = new ReportPeriod(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31));
            StatisticsReport s = StatisticsCalculator.Compute(q4, new DateOnly(2027, 1, 15), store.LoadContracts(), [], new Dictionary<long, Client>(), []);
            Assert.Equal(460_000m, s.Compensation);
            Assert.Equal(920, s.CapacityHours, 6);
            Assert.Equal(65, s.TargetPercent);
        }

        // Opened again: still one contract.
        using LiteJourStore again = LiteJourStore.OpenFile(path, "k");
        Assert.Single(again.LoadContracts());
    }

    [Fact]
    public void OpenFile_OfSchemaVersion3_WithSettingsNeverSaved_KeepsTheDefaultsItCountedWith_UntilFurtherNotice()
    {
        string path = Path.Combine(_dir, "v3-defaults.db");
        using (var old = new LiteDatabase(new ConnectionString { Filename = path, Password = "k" }))
        {
            old.GetCollection("cases").Insert(new BsonDocument { ["_id"] = 1L, ["Number"] = "2025-0001", ["State"] = "Staffing", ["ClientId"] = 3L, ["Revision"] = 1 });
            old.UserVersion = 3;
        }

        using LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true);

        Contract contract = Assert.Single(store.LoadContracts());
        Assert.Equal(("2000-01-01", ""), (contract.From, contract.To));
        Assert.Equal((1_787_000m, 65m, 3_500m), (contract.AnnualKr, contract.UtilisationPercent, contract.CapacityHoursPerYear));
        Assert.True(contract.Covers(new DateOnly(2026, 11, 23)));
    }

    [Fact]
    public void ANewDatabase_HasNoContract()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_dir, "new.db"), "k", mayCreate: true);
        Assert.Empty(store.LoadContracts());
    }

    [Fact]
    public void OpenFile_NewerSchema_IsRefusedWithAClearCode()
    {
        string path = Path.Combine(_dir, "v99.db");
        using (var future = new LiteDatabase(new ConnectionString { Filename = path, Password = "k" }))
        {
            future.UserVersion = 99;
        }

        var ex = Assert.Throws<JourException>(() => LiteJourStore.OpenFile(path, "k", mayCreate: true));
        Assert.Equal(ErrorCodes.StorageNewerSchema, ex.Code);
    }

    [Fact]
    public void OpenFile_WrongPassword_IsRefused_AndTheFileIsUnchanged()
    {
        string path = Path.Combine(_dir, "enc.db");
        using (LiteJourStore store = LiteJourStore.OpenFile(path, "right", mayCreate: true))
        {
            DemoData.Seed(store, new FakeTimeProvider(DateTimeOffset.UtcNow));
        }

        byte[] before = File.ReadAllBytes(path);
        var ex = Assert.Throws<JourException>(() => LiteJourStore.OpenFile(path, "wrong", mayCreate: true));

        Assert.Equal(ErrorCodes.StorageWrongKey, ex.Code);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void EveryStoredType_RoundTripsThroughAFile()
    {
        string path = Path.Combine(_dir, "rt.db");
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 29, 0, 30, 0, TimeSpan.Zero));
        DateTime now0 = time.GetUtcNow().UtcDateTime;
        using (LiteJourStore store = LiteJourStore.OpenFile(path, "k", mayCreate: true))
        {
            DemoData.Seed(store, time);
        }

        using LiteJourStore reopened = LiteJourStore.OpenFile(path, "k", mayCreate: true);
        Assert.True(reopened.IsDemo);
        Assert.Equal(12 + 24, reopened.CountCases());
        Assert.Equal("SON-2026-117", reopened.LoadSettings()!.CustomerReference);
        Contract contract = Assert.Single(reopened.LoadContracts());
        Assert.Equal((1_787_000m, 65m, 3_500m, 2), (contract.AnnualKr, contract.UtilisationPercent, contract.CapacityHoursPerYear, contract.MonthsPerExtension));
        Assert.NotNull(contract.ToDate);
        Assert.Equal(ContractChangeKind.Added, Assert.Single(contract.History).Kind);
        Assert.Equal(DateTimeKind.Utc, contract.History[0].AtUtc.Kind);
        var reported = reopened.LoadTimeReportLines(now0.AddDays(-130), now0);
        Assert.NotEmpty(reported);
        Assert.All(reported, l => Assert.Equal(DateTimeKind.Utc, l.StartUtc.Kind));
        Assert.Contains(reported, l => l.IsSigned && l.AssistantPersonalNumber.Length == 12 && l.CaseNumber.Length > 0);
        Assert.Equal(reported.Count, reopened.LoadReportFacts(now0.AddDays(-130), now0).Count);
        CaseFact ended = reopened.LoadCaseFacts(now0.AddDays(-130), now0).First(c => c.State == CaseState.Closed);
        Assert.Equal(DateTimeKind.Utc, ended.EndUtc!.Value.Kind);
        Case staffing = reopened.LoadOpenCases().First(c => c.State == CaseState.Staffing);
        Assert.True(staffing.IsVerified);
        Assert.Equal(DateTimeKind.Utc, staffing.ReceivedUtc.Kind);
        Assert.NotEmpty(staffing.Needs);
        Assert.NotEmpty(reopened.LoadTimeline(staffing.Id));
        Assert.All(reopened.LoadClients(), c => Assert.Equal(12, c.PersonalIdentityNumber.Length));
        Assert.NotEmpty(reopened.LoadStaff().SelectMany(s => s.Competences));
        Rotation rotation = Assert.Single(reopened.LoadRotations());
        Assert.Equal(RotationPattern.Daily, rotation.Pattern);
        Assert.Equal([7 * 60, 19 * 60], rotation.HandOffMinutes);
        Assert.Equal(5, rotation.OfficerIds.Count);
        Assert.Equal(DateTimeKind.Utc, rotation.ValidFromUtc.Kind);

        DateTime now = time.GetUtcNow().UtcDateTime;
        reopened.AddOverrides([new OnCallOverride { OfficerId = 3, FromUtc = now, ToUtc = now.AddHours(2), Kind = OverrideKind.TakeOver, Reason = "x", CreatedBy = 2, CreatedUtc = now }]);
        OnCallOverride stored = Assert.Single(reopened.LoadOverrides(now.AddHours(1), now.AddHours(3)));
        Assert.Equal((3L, OverrideKind.TakeOver, now, now.AddHours(2)), (stored.OfficerId, stored.Kind, stored.FromUtc, stored.ToUtc));
        Assert.Empty(reopened.LoadOverrides(now.AddHours(2), now.AddHours(3)));
        Assert.NotEmpty(reopened.LoadProviders());
    }
}
