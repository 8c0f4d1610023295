using Jour.Core.AccessLog;
using Jour.Storage;

namespace Jour.Storage.Tests;

/// <summary>The access log read for one person (an extract reads all their years) by the client index, within the window asked.</summary>
public sealed class AccessLogStoreTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("jour-accesslog-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void OnePersonsEntries_InTheWindow_AndNoOneElses()
    {
        using LiteJourStore store = LiteJourStore.OpenFile(Path.Combine(_directory, "jour.db"), "k", mayCreate: true);
        var day = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < 30; i++)
        {
            store.AppendAccess(new AccessLogEntry { AtUtc = day.AddDays(i), UserId = 1, ClientId = 1 + (i % 3) });
        }

        var mine = store.LoadAccessLog(day.AddDays(3), day.AddDays(12), clientId: 2);

        Assert.Equal([4, 7, 10], mine.Select(e => (e.AtUtc - day).Days).Order()); // in no promised order: readers sort
        Assert.All(mine, e => Assert.Equal(2, e.ClientId));
        Assert.Equal(9, store.LoadAccessLog(day.AddDays(3), day.AddDays(12)).Count);
    }
}
