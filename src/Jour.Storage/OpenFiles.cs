namespace Jour.Storage;

/// <summary>The data and log files under an open store, and the barrier that makes its commits durable.</summary>
internal sealed record OpenFiles(DurableFileStream Data, DurableFileStream Log, string LogPath, CommitBarrier Barrier)
{
    /// <summary>
    /// Closes both files once LiteDB has let go of them. A log holding nothing but its salt page (every
    /// commit checkpointed) is removed, as LiteDB does with a file of its own.
    /// </summary>
    public void Close()
    {
        bool emptyLog = Log.Failure is null && Log.Length <= DatabaseFileCheck.PageSize;
        Data.Dispose();
        Log.Dispose();
        if (emptyLog)
        {
            try
            {
                File.Delete(LogPath);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // An empty log left behind is harmless: the next open finds nothing to replay.
            }
        }
    }
}
