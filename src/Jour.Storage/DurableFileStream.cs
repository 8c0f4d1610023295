using Microsoft.Win32.SafeHandles;

namespace Jour.Storage;

/// <summary>
/// One of the database's files (data or log) as LiteDB's stream, with the one thing LiteDB's own file
/// streams do not give an encrypted database: <see cref="Flush"/> reaches stable storage. LiteDB wraps
/// its file in an <c>AesStream</c> whose Flush is a plain <c>Flush()</c>, so with a password it never
/// called fsync at all. Here every flush is an fsync, shared by everyone waiting for one (group commit):
/// a caller whose writes were done before an fsync began needs no fsync of its own.
/// </summary>
public sealed class DurableFileStream : Stream
{
    private readonly FileStream _file;
    private readonly SafeFileHandle _handle;
    private readonly Lock _syncGate = new();
    private long _position;
    private long _writesDone;
    private long _writesSynced;
    private Exception? _failure;

    private readonly bool _syncOnFlush;

    private DurableFileStream(FileStream file, bool syncOnFlush)
    {
        _file = file;
        _handle = file.SafeFileHandle;
        _syncOnFlush = syncOnFlush;
    }

    /// <summary>
    /// Opens <paramref name="path"/> for reading and writing, creating it only when <paramref name="create"/>
    /// (owner-only), and never through a symbolic link. No .NET buffer: a write is in the kernel when it returns.
    /// With <paramref name="syncOnFlush"/> false, LiteDB's own <see cref="Flush"/> does not fsync: the log's
    /// fsyncs are <see cref="CommitBarrier"/>'s, one for every commit waiting at the time. LiteDB's log writer
    /// flushes each time its queue empties, and an fsync there held up the next commit's pages behind it: five
    /// sessions paid one fsync each, one after another (p99 56 ms, bench/roundtrip.sh).
    /// </summary>
    public static DurableFileStream Open(string path, bool create, bool syncOnFlush = true)
    {
        if (new FileInfo(path).LinkTarget is not null)
        {
            throw new IOException($"Refusing a symbolic link: {path}");
        }

        var options = new FileStreamOptions
        {
            Mode = create ? FileMode.OpenOrCreate : FileMode.Open,
            Access = FileAccess.ReadWrite,
            Share = FileShare.Read,
            BufferSize = 0,
        };
        if (!OperatingSystem.IsWindows() && create)
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new DurableFileStream(new FileStream(path, options), syncOnFlush);
    }

    /// <summary>The first write or fsync that failed; every later write and wait fails with it.</summary>
    public Exception? Failure => Volatile.Read(ref _failure);

    /// <summary>How many writes have returned so far.</summary>
    public long WritesDone => Interlocked.Read(ref _writesDone);

    public override bool CanRead => true;

    public override bool CanSeek => true;

    public override bool CanWrite => true;

    public override long Length => RandomAccess.GetLength(_handle);

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read = RandomAccess.Read(_handle, buffer.AsSpan(offset, count), _position);
        _position += read;
        return read;
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        ThrowIfFailed();
        try
        {
            RandomAccess.Write(_handle, new ReadOnlySpan<byte>(buffer, offset, count), _position);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
            throw;
        }

        _position += count;
        Interlocked.Increment(ref _writesDone);
    }

    /// <summary>
    /// fsync (unless one that began after every write so far has already finished), or, for a file whose
    /// fsyncs are the <see cref="CommitBarrier"/>'s, nothing: every write is already in the kernel.
    /// </summary>
    public override void Flush()
    {
        if (_syncOnFlush)
        {
            SyncUpTo(WritesDone);
        }
        else
        {
            ThrowIfFailed();
        }
    }

    /// <summary>Returns once the first <paramref name="writes"/> writes are on stable storage.</summary>
    public void SyncUpTo(long writes)
    {
        ThrowIfFailed();
        if (Interlocked.Read(ref _writesSynced) >= writes)
        {
            return;
        }

        lock (_syncGate)
        {
            if (_writesSynced >= writes)
            {
                return;
            }

            long covered = WritesDone;
            try
            {
                RandomAccess.FlushToDisk(_handle);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // After a failed fsync the kernel may have dropped the dirty pages: nothing written since the
                // last good fsync can be called saved, now or later.
                Fail(ex);
                throw;
            }

            Interlocked.Exchange(ref _writesSynced, covered);
        }
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        _position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            _ => Length + offset,
        };
        return _position;
    }

    public override void SetLength(long value)
    {
        ThrowIfFailed();
        try
        {
            RandomAccess.SetLength(_handle, value);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex);
            throw;
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Fail(Exception ex) => Interlocked.CompareExchange(ref _failure, ex, null);

    private void ThrowIfFailed()
    {
        if (Failure is { } failure)
        {
            throw new IOException(failure.Message, failure);
        }
    }
}
