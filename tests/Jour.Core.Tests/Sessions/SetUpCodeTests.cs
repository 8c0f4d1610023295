using System.Text;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

/// <summary>The first admin only with the one-time set-up code: on a real (encrypted) file, as a new install has.</summary>
public sealed class SetUpCodeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 8, 30, 0, TimeSpan.Zero));
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-setup-").FullName;
    private LiteJourStore _store;
    private JourUseCases _useCases;

    public SetUpCodeTests()
    {
        _store = LiteJourStore.OpenFile(DatabasePath, "test-key", mayCreate: true);
        _useCases = NewUseCases();
    }

    private string DatabasePath => Path.Combine(_directory, "jour.db");

    public void Dispose()
    {
        _store.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public void Generate_SixteenUnambiguousCharactersInFourGroups_DifferentEachTime()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => SetUpCode.Generate()).ToList();

        Assert.All(codes, c => Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Fact]
    public void Verify_IgnoresCaseSpacesAndDashes_ReadsOAsZeroAndIAsOne_RefusesAnythingElse()
    {
        string stored = SetUpCode.Hash("7KQ4-M901-2HFT-8WNP");

        Assert.True(SetUpCode.Verify("7kq4 m9o1 2hft 8wnp", stored));
        Assert.True(SetUpCode.Verify("7KQ4M90I2HFT8WNP", stored));
        Assert.False(SetUpCode.Verify("7KQ4-M901-2HFT-8WNQ", stored));
        Assert.False(SetUpCode.Verify("", stored));
        Assert.False(SetUpCode.Verify("7KQ4-M901-2HFT-8WNP", null));
        Assert.False(SetUpCode.Verify("7KQ4-M901-2HFT-8WNP", "garbage"));
    }

    [Fact]
    public void SetUp_WithoutACodeIssued_IsRefused_AndCreatesNobody()
    {
        var ex = Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Ada Admin", "4711", ""));

        Assert.Equal(ErrorCodes.SetUpCodeMissing, ex.Code);
        Assert.Empty(_store.LoadUsers());
    }

    [Theory]
    [InlineData("")]
    [InlineData("0000-0000-0000-0000")]
    public void SetUp_WithoutOrWithAWrongCode_IsRefused_AndCreatesNobody(string typed)
    {
        string code = _useCases.IssueSetUpCode();
        Assert.NotEqual(SetUpCode.Normalize(code), SetUpCode.Normalize(typed));

        var ex = Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "4711", typed));

        Assert.Equal(ErrorCodes.SetUpCodeWrong, ex.Code);
        Assert.Empty(_store.LoadUsers());
        Assert.True(_useCases.GetInstallInfo().NeedsSetup);
    }

    [Fact]
    public void TheCode_WorksOnce_AndIsConsumed()
    {
        string code = _useCases.IssueSetUpCode();

        SessionInfo admin = _useCases.SetUpFirstAdmin("Ada Admin", "4711", code);

        Assert.True(admin.Roles.HasFlag(Role.Admin));
        Assert.Null(_store.LoadSetUpCodeHash());
        Assert.Equal(ErrorCodes.SetupAlreadyDone, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "9999", code)).Code);
        Assert.Single(_store.LoadUsers());
    }

    [Fact]
    public void ANewCode_ReplacesTheOld()
    {
        string old = _useCases.IssueSetUpCode();
        string fresh = _useCases.IssueSetUpCode();

        Assert.Equal(ErrorCodes.SetUpCodeWrong, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "4711", old)).Code);
        Assert.Equal("Ada", _useCases.SetUpFirstAdmin("Ada", "4711", fresh).UserName);
    }

    [Fact]
    public void OnlyTheHashIsStored_TheCodeIsInNeitherTheDocumentNorTheFile()
    {
        string code = _useCases.IssueSetUpCode();
        string? hash = _store.LoadSetUpCodeHash();

        Assert.NotNull(hash);
        Assert.StartsWith("sha256$", hash, StringComparison.Ordinal);
        string compact = SetUpCode.Normalize(code);
        Assert.DoesNotContain(compact, hash, StringComparison.Ordinal);
        Assert.DoesNotContain(code, hash, StringComparison.Ordinal);
        string meta = _store.Database.GetCollection("meta").FindAll().Single().ToString();
        Assert.Contains(hash, meta, StringComparison.Ordinal);
        Assert.DoesNotContain(compact, meta, StringComparison.Ordinal);

        // The file on disk: encrypted anyway, so the test opens it without the key as a second store cannot;
        // checked in the plain log and data bytes all the same, in both spellings.
        _store.Checkpoint();
        _store.Dispose();
        byte[] bytes = [.. File.ReadAllBytes(DatabasePath), .. File.Exists(LiteJourStore.LogPathOf(DatabasePath)) ? File.ReadAllBytes(LiteJourStore.LogPathOf(DatabasePath)) : []];
        foreach (string spelling in new[] { code, compact })
        {
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(spelling)));
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(spelling)));
        }

        _store = LiteJourStore.OpenFile(DatabasePath, "test-key");
        _useCases = NewUseCases();
        Assert.Equal("Ada", _useCases.SetUpFirstAdmin("Ada", "4711", code).UserName);
    }

    [Fact]
    public void FiveWrongCodes_LockSetUp_TheRightCodeIsThenRefusedToo_UntilANewCodeIsIssued()
    {
        string code = _useCases.IssueSetUpCode();
        for (int i = 0; i < SignInPolicy.FailuresBeforeLock; i++)
        {
            Assert.Equal(ErrorCodes.SetUpCodeWrong, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "4711", "AAAA-AAAA-AAAA-AAAA")).Code);
        }

        Assert.Equal(ErrorCodes.SetUpLocked, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Ada", "4711", code)).Code);

        // The lock is kept in the database: a restart of the server does not lift it.
        _store.Dispose();
        _store = LiteJourStore.OpenFile(DatabasePath, "test-key");
        _useCases = NewUseCases();
        Assert.Equal(ErrorCodes.SetUpLocked, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Ada", "4711", code)).Code);
        _time.Advance(SignInPolicy.FirstLock + TimeSpan.FromSeconds(1));
        Assert.Equal(ErrorCodes.SetUpCodeWrong, Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "4711", "BBBB-BBBB-BBBB-BBBB")).Code);

        // The owner's new code lifts the lock at once.
        for (int i = 0; i < SignInPolicy.FailuresBeforeLock; i++)
        {
            Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin("Eve", "4711", "CCCC-CCCC-CCCC-CCCC"));
        }

        string fresh = _useCases.IssueSetUpCode();
        Assert.Equal("Ada", _useCases.SetUpFirstAdmin("Ada", "4711", fresh).UserName);
        Assert.Null(_store.FindSignInThrottle(JourUseCases.SetUpThrottleId));
    }

    [Fact]
    public async Task TwelveParallelGuesses_GetExactlyFiveComparisons_TheRestFindItLocked()
    {
        _useCases.IssueSetUpCode();
        Task<JourException>[] guesses =
        [
            .. Enumerable.Range(0, 12).Select(i => Task.Run(() => Assert.ThrowsAsync<JourException>(
                () => _useCases.SetUpFirstAdminAsync("Eve", "4711", $"{i:D4}-0000-0000-0000", CancellationToken.None)))),
        ];

        // Each failure's answer waits on the use cases' clock; move it on until every guess is answered.
        while (!guesses.All(g => g.IsCompleted))
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        JourException[] refusals = await Task.WhenAll(guesses);
        Assert.Equal(SignInPolicy.FailuresBeforeLock, refusals.Count(r => r.Code == ErrorCodes.SetUpCodeWrong));
        Assert.Equal(12 - SignInPolicy.FailuresBeforeLock, refusals.Count(r => r.Code == ErrorCodes.SetUpLocked));
        Assert.Empty(_store.LoadUsers());
    }

    [Fact]
    public void SetUp_RefusesATooLongName_BeforeTheCodeIsTried()
    {
        string code = _useCases.IssueSetUpCode();

        var ex = Assert.Throws<JourException>(() => _useCases.SetUpFirstAdmin(new string('A', TextLimits.Name.Max + 1), "4711", code));

        Assert.Equal(TextLimits.Name.Code, ex.Code);
        Assert.Null(_store.FindSignInThrottle(JourUseCases.SetUpThrottleId));
        Assert.Equal("Ada", _useCases.SetUpFirstAdmin("Ada", "4711", code).UserName);
    }

    private JourUseCases NewUseCases() =>
        new(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance) { PinIterations = 1_000 };
}
