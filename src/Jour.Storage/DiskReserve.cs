using System.Globalization;
using Jour.Core.Common;

namespace Jour.Storage;

/// <summary>
/// Free space kept back on the database's file system. A write is refused while less than
/// <see cref="ReserveBytes"/> is free, so a filling disk turns writes away with a clear message before
/// LiteDB meets ENOSPC in the middle of a transaction (or a checkpoint, which needs room for the pages it
/// copies). Below <see cref="WarnBytes"/> every session's status bar warns.
/// </summary>
public sealed class DiskReserve
{
    private readonly string _directory;
    private readonly Func<string, long> _freeBytes;

    public DiskReserve(string directory, long reserveBytes, long warnBytes, Func<string, long>? freeBytes = null)
    {
        _directory = directory;
        ReserveBytes = reserveBytes;
        WarnBytes = Math.Max(warnBytes, reserveBytes);
        _freeBytes = freeBytes ?? FreeBytesOf;
    }

    public long ReserveBytes { get; }

    public long WarnBytes { get; }

    /// <summary>Bytes an unprivileged writer may still use where the database is.</summary>
    public long FreeBytes => _freeBytes(_directory);

    /// <summary>True when the free space is below the warning level.</summary>
    public bool IsLow => FreeBytes < WarnBytes;

    /// <summary>Refuses a write (<see cref="ErrorCodes.StorageNearlyFull"/>) while the free space is below the reserve.</summary>
    public void EnsureRoom()
    {
        long free = FreeBytes;
        if (free < ReserveBytes)
        {
            throw new JourException(ErrorCodes.StorageNearlyFull, _directory, Megabytes(free), Megabytes(ReserveBytes));
        }
    }

    private static string Megabytes(long bytes) =>
        string.Format(SwedishCulture.Instance, "{0:0.#} MB", bytes / (1024.0 * 1024.0));

    private static long FreeBytesOf(string directory) => new DriveInfo(directory).AvailableFreeSpace;
}
