namespace Jour.Core.AccessLog;

/// <summary>Where the access log is kept: append and read, nothing else (entries past the retention rule are thinned by <see cref="Retention.IRetentionStore.ThinAccessLog"/>).</summary>
public interface IAccessLogStore
{
    void AppendAccess(AccessLogEntry entry);

    /// <summary>
    /// Entries with <see cref="AccessLogEntry.AtUtc"/> in [fromUtc, toUtc), only those about
    /// <paramref name="clientId"/> when given (by its index: a person's extract reads all their years).
    /// </summary>
    IReadOnlyList<AccessLogEntry> LoadAccessLog(DateTime fromUtc, DateTime toUtc, long? clientId = null);
}
