using Jour.Core.UseCases;

namespace Jour.Core.Operations;

/// <summary>
/// A finished backup: where, how big, its SHA-256, what it holds, how long it took, and what kind of file it is
/// (restored differently: a LiteDB file by <c>jour restore</c>, a pg_dump archive by pg_restore).
/// </summary>
public sealed record BackupResult(string Path, long Bytes, string Sha256, long Cases, double Seconds, BackupKind Kind = BackupKind.LiteDbFile);

/// <summary>What a backup file is.</summary>
public enum BackupKind
{
    /// <summary>A copy of the encrypted LiteDB file.</summary>
    LiteDbFile,

    /// <summary>A pg_dump archive (custom format) of Jour's schema.</summary>
    PgDump,
}

/// <summary>Where to write a backup (a path on the server's machine).</summary>
public sealed record BackupRequest(string Path) : IRequest<BackupResult>;

/// <summary>How many documents one collection holds.</summary>
public sealed record CheckCount(string Collection, long Count);

/// <summary>One thing a check found: a Messages code with its arguments; an error makes the check fail.</summary>
public sealed record CheckFinding(string Code, IReadOnlyList<string> Args, bool IsError);

/// <summary>
/// What <c>jour check</c> found in a database file: its schema version against this build's, the
/// documents per collection, the newest activity (the last timeline entry), and every finding.
/// </summary>
public sealed record CheckReport(
    string Path,
    int SchemaVersion,
    int ExpectedSchemaVersion,
    IReadOnlyList<CheckCount> Counts,
    IReadOnlyList<CheckFinding> Findings,
    DateTime? LastActivityUtc,
    double Seconds)
{
    public bool IsSound => !Findings.Any(f => f.IsError);
}
