using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Microsoft.Extensions.Logging.Abstractions;

namespace Jour.Storage.Tests;

/// <summary>The server's first start and every start after it: what a data directory's store is opened with.</summary>
public sealed class StoreOpenerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-opener-").FullName;
    private readonly List<DateTime> _recorded = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Db => Path.Combine(_dir, "jour.db");

    private OpenedStore Open(bool demo, DateTime? createdUtc = null) =>
        StoreOpener.Open(
            new StoreBinding(_dir, Db, createdUtc, demo, Reserve: null),
            NullLogger.Instance,
            _recorded.Add,
            store => new JourUseCases(store, TimeProvider.System, new ChangeHub(), NullLogger<JourUseCases>.Instance));

    [Fact]
    public void AFirstStart_WithoutTheDemo_CreatesTheFile_RecordsWhen_AndIssuesASetUpCodeStoredOnlyAsItsHash()
    {
        DateTime before = DateTime.UtcNow;
        OpenedStore opened = Open(demo: false);
        using var store = (LiteJourStore)opened.Store;

        Assert.True(File.Exists(Db));
        Assert.InRange(Assert.Single(_recorded), before, DateTime.UtcNow);
        Assert.NotNull(opened.SetUpCode);
        Assert.True(SetUpCode.Verify(opened.SetUpCode, store.LoadSetUpCodeHash()));
        Assert.DoesNotContain(opened.SetUpCode, store.LoadSetUpCodeHash(), StringComparison.Ordinal);
        Assert.False(store.IsDemo);
        Assert.Empty(store.LoadUsers());
    }

    [Fact]
    public void AFirstStart_WithTheDemo_SeedsIt_AndIssuesNoCode()
    {
        OpenedStore opened = Open(demo: true);
        using var store = (LiteJourStore)opened.Store;

        Assert.Single(_recorded);
        Assert.Null(opened.SetUpCode);
        Assert.True(store.IsDemo);
        Assert.NotEmpty(store.LoadUsers());
    }

    [Fact]
    public void ALaterStart_OpensTheSameDatabase_RecordsNothing_AndIssuesNoCode()
    {
        string? code;
        using (var first = (LiteJourStore)Open(demo: false).Store)
        {
            code = first.LoadSetUpCodeHash();
        }

        DateTime created = Assert.Single(_recorded);
        OpenedStore again = Open(demo: false, createdUtc: created);
        using var store = (LiteJourStore)again.Store;

        Assert.Single(_recorded);
        Assert.Null(again.SetUpCode);
        Assert.Equal(code, store.LoadSetUpCodeHash());
    }

    [Fact]
    public void AMissingDatabase_WhereOneWasCreated_IsRefused_AndNotCreatedAgain()
    {
        var refused = Assert.Throws<JourException>(() => Open(demo: true, createdUtc: new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc)));

        Assert.Equal(ErrorCodes.StorageMissing, refused.Code);
        Assert.False(File.Exists(Db));
        Assert.False(File.Exists(Path.Combine(_dir, DatabaseKey.FileName)));
        Assert.Empty(_recorded);
    }

    [Fact]
    public void AFailingFirstStart_LetsGoOfTheFile()
    {
        var failure = new InvalidOperationException("use cases could not be built");
        Assert.Same(failure, Assert.Throws<InvalidOperationException>(() => StoreOpener.Open(
            new StoreBinding(_dir, Db, null, Demo: false, Reserve: null),
            NullLogger.Instance,
            _recorded.Add,
            _ => throw failure)));

        // Disposed: the file can be opened again by the next start.
        using LiteJourStore reopened = LiteJourStore.OpenFile(Db, DatabaseKey.Resolve(_dir, Db));
        Assert.False(reopened.IsDemo);
    }
}
