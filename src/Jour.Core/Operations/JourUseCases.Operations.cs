using Jour.Core.Common;
using Jour.Core.Operations;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>Backup and integrity check through the server that owns the file (issue 9).</summary>
public sealed partial class JourUseCases
{
    /// <summary>
    /// A consistent copy while sessions keep working (LiteDB: the store checkpoints and copies the encrypted
    /// data file while new commits go to its log; PostgreSQL: pg_dump in one snapshot). Admins and coordinators only.
    /// </summary>
    public BackupResult Backup(SessionInfo actor, BackupRequest request)
    {
        IMaintenanceStore store = Maintenance();
        if (string.IsNullOrWhiteSpace(request.Path) || !Path.IsPathRooted(request.Path))
        {
            throw new JourException(ErrorCodes.BackupTargetInvalid, request.Path);
        }

        BackupResult result = store.BackupTo(request.Path);
        LogBackup(actor.UserId, result.Bytes, result.Seconds);
        return result;
    }

    public CheckReport Check(SessionInfo actor)
    {
        CheckReport report = Maintenance().Check();
        LogChecked(actor.UserId, report.Findings.Count(f => f.IsError));
        return report;
    }

    private IMaintenanceStore Maintenance()
    {
        return _store as IMaintenanceStore ?? throw new JourException(ErrorCodes.BackupTargetInvalid, "");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Backup by user {UserId}: {Bytes} bytes in {Seconds:0.0} s")]
    private partial void LogBackup(long userId, long bytes, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Integrity check by user {UserId}: {Errors} errors")]
    private partial void LogChecked(long userId, int errors);
}
