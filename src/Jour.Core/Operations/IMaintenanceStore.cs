
namespace Jour.Core.Operations;

/// <summary>What an operator does to the database as a whole: a consistent copy and an integrity check.</summary>
public interface IMaintenanceStore
{
    /// <summary>
    /// Writes a consistent copy of the database (encrypted as the original) to <paramref name="targetPath"/>
    /// and its SHA-256 next to it (<c>FILE.sha256</c>, as sha256sum writes it); sessions keep writing meanwhile.
    /// </summary>
    BackupResult BackupTo(string targetPath);

    /// <summary>Reads every document and index of the open database and reports what is wrong.</summary>
    CheckReport Check();
}
