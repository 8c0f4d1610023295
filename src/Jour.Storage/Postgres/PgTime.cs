namespace Jour.Storage.Postgres;

/// <summary>Times as PostgreSQL's timestamptz takes them.</summary>
internal static class PgTime
{
    /// <summary>The instant as UTC: timestamptz parameters must be (Npgsql refuses an unspecified kind).</summary>
    public static DateTime Utc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
