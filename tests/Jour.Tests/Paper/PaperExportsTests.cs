using Jour.Configuration;
using Jour.Core.AccessLog;
using Jour.Core.Changes;
using Jour.Core.Demo;
using Jour.Core.FollowUp;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Paper;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Tests.Paper;

/// <summary>
/// Finance and MAS at a kiosk (issue 18): exports from their screens land in the export directory as PDFs, under
/// names of their own, never over a file or in the data directory, and each is in the access log.
/// </summary>
public sealed class PaperExportsTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 6, 22, 30, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("jour-export-").FullName;
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LocalJourService _service;

    public PaperExportsTests()
    {
        DemoData.Seed(_store, _time);
        var useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _service = new LocalJourService(useCases);
    }

    public void Dispose()
    {
        _service.Dispose();
        _store.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task TheStatistics_AreWrittenAsAPdf_UnderANewNameEachTime_AndEachExportIsInTheAccessLog()
    {
        if (!File.Exists(PaperFont.PathInUse))
        {
            Assert.Skip($"NOT RUN: the PDF font {PaperFont.PathInUse} is not installed (Debian: fonts-dejavu-core; ./run.sh test installs it as root)");
        }

        string exports = Directory.CreateDirectory(Path.Combine(_root, "exports")).FullName;
        var paths = new JourPaths(Directory.CreateDirectory(Path.Combine(_root, "data")).FullName);
        await SignInAsync("Per Andersson"); // finance
        var paper = new PaperExports(paths, exports, () => Task.FromResult<IJourService>(_service), _time);
        StatisticsReport report = await _service.SendAsync(new StatisticsRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), TestContext.Current.CancellationToken);

        string first = await paper.StatisticsAsync(report, isDemo: true, TestContext.Current.CancellationToken);
        string second = await paper.StatisticsAsync(report, isDemo: true, TestContext.Current.CancellationToken);

        Assert.Equal(exports, Path.GetDirectoryName(first));
        Assert.NotEqual(first, second);
        Assert.StartsWith("%PDF-", File.ReadAllText(first)[..5], StringComparison.Ordinal);
        await SignInAsync("Lena Wikström"); // MAS reads the log
        var logged = (await _service.SendAsync(new AccessLogQuery(s_now.UtcDateTime.AddHours(-1), s_now.UtcDateTime.AddHours(1), null, null), TestContext.Current.CancellationToken))
            .Where(r => r.What == AccessedData.StatisticsExport).ToList();
        Assert.Equal(2, logged.Count);
        Assert.Contains(logged, r => r.Reason == first && r.UserName == "Per Andersson" && r.Basis == AccessBasis.Export);
    }

    [Fact]
    public async Task AnExportDirectoryThatIsMissing_OrTheDataDirectory_IsRefused_AndNothingIsLogged()
    {
        var paths = new JourPaths(Directory.CreateDirectory(Path.Combine(_root, "data")).FullName);
        await SignInAsync("Per Andersson");
        StatisticsReport report = await _service.SendAsync(new StatisticsRequest(new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), TestContext.Current.CancellationToken);

        var missing = new PaperExports(paths, Path.Combine(_root, "nowhere"), () => Task.FromResult<IJourService>(_service), _time);
        var refused = await Assert.ThrowsAsync<Core.Common.JourException>(() => missing.StatisticsAsync(report, isDemo: true, TestContext.Current.CancellationToken));
        Assert.Equal(Core.Common.ErrorCodes.ExportDirectoryMissing, refused.Code);

        if (File.Exists(PaperFont.PathInUse))
        {
            var intoData = new PaperExports(paths, paths.DataDirectory, () => Task.FromResult<IJourService>(_service), _time);
            await Assert.ThrowsAsync<Core.Common.JourException>(() => intoData.StatisticsAsync(report, isDemo: true, TestContext.Current.CancellationToken));
            Assert.Empty(Directory.GetFiles(paths.DataDirectory, "*.pdf"));
        }

        await SignInAsync("Lena Wikström");
        var logged = await _service.SendAsync(new AccessLogQuery(s_now.UtcDateTime.AddHours(-1), s_now.UtcDateTime.AddHours(1), null, null), TestContext.Current.CancellationToken);
        Assert.DoesNotContain(logged, r => r.Basis == AccessBasis.Export);
    }

    private async Task SignInAsync(string name)
    {
        long id = (await _service.SendAsync(new GetInstallInfo(), TestContext.Current.CancellationToken)).Users.Single(u => u.Name == name).Id;
        await _service.SendAsync(new SignInUser(id, ""), TestContext.Current.CancellationToken);
    }
}
