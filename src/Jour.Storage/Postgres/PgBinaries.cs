namespace Jour.Storage.Postgres;

/// <summary>
/// Where PostgreSQL's client programs (pg_dump, pg_restore) are: <c>$JOUR_PG_BIN</c>, then Debian's
/// <c>/usr/lib/postgresql/VERSION/bin</c> (off PATH there), newest version first, then PATH.
/// </summary>
public static class PgBinaries
{
    /// <summary>The first directory that holds every one of <paramref name="programs"/>, or null.</summary>
    public static string? DirectoryWith(params string[] programs)
    {
        IEnumerable<string> candidates = new[] { Environment.GetEnvironmentVariable("JOUR_PG_BIN") }
            .Concat(Directory.Exists("/usr/lib/postgresql")
                ? Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int v) ? v : 0).Select(d => Path.Combine(d, "bin"))
                : [])
            .Concat((Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
            .OfType<string>();
        return candidates.FirstOrDefault(d => d.Length > 0 && programs.All(p => File.Exists(Path.Combine(d, p))));
    }
}
