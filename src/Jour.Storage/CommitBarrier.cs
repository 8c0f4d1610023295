using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using LiteDB.Engine;

namespace Jour.Storage;

/// <summary>
/// Makes "committed" mean "on stable storage". LiteDB 5.0.20's commit only queues the transaction's pages
/// for its log writer (DiskWriterQueue), a thread of its own that writes them after <c>Commit</c> has
/// returned and reports an I/O error only on a later call. <see cref="WaitUntilDurable"/> waits until that
/// writer has written every page queued so far (its queue-is-empty event, which only the writer sets, and
/// only after the last page it took has been written), then fsyncs the log through <see cref="DurableFileStream"/>.
/// The server calls it before any answer leaves, so an acknowledgement follows durability, never the reverse.
/// </summary>
public sealed class CommitBarrier
{
    private const string WriterQueueType = "LiteDB.Engine.DiskWriterQueue, LiteDB";
    private const string DiskServiceType = "LiteDB.Engine.DiskService, LiteDB";
    private static readonly TimeSpan s_writerStall = TimeSpan.FromSeconds(30);

    private readonly LiteEngine _engine;
    private readonly DurableFileStream _log;
    private object? _writerQueue;

    public CommitBarrier(LiteEngine engine, DurableFileStream log)
    {
        _engine = engine;
        _log = log;
    }

    /// <summary>
    /// Returns once every transaction committed before the call is on stable storage; throws the I/O error
    /// (a full disk, a failing device) that kept it from getting there. After such an error LiteDB has closed
    /// its engine: nothing committed since the last successful call may be reported as saved.
    /// </summary>
    public void WaitUntilDurable()
    {
        if (WriterQueue() is { } queue)
        {
            ManualResetEventSlim drained = QueueIsEmpty(queue);
            var waited = Stopwatch.StartNew();
            while (!drained.Wait(TimeSpan.FromMilliseconds(20)))
            {
                // The writer sets nothing after a failure: its exception (and ours, from the file) says why.
                if (_log.Failure is { } failed)
                {
                    throw new IOException(failed.Message, failed);
                }

                if (WriterFailure(queue) is { } writerFailed)
                {
                    throw new IOException(writerFailed.Message, writerFailed);
                }

                if (waited.Elapsed > s_writerStall)
                {
                    throw new IOException("The database's log writer has not written for 30 s");
                }
            }

            if (WriterFailure(queue) is { } failure)
            {
                throw new IOException(failure.Message, failure);
            }
        }

        _log.SyncUpTo(_log.WritesDone);
    }

    // The queue is created with the first write after opening; before that there is nothing to wait for.
    private object? WriterQueue()
    {
        if (_writerQueue is not null)
        {
            return _writerQueue;
        }

        object? disk = DiskField.GetValue(_engine);
        if (disk is null)
        {
            return null;
        }

        object lazy = Queue(disk);
        if (!(bool)LazyIsValueCreated(lazy))
        {
            return null;
        }

        _writerQueue = LazyValue(lazy);
        return _writerQueue;
    }

    private static FieldInfo DiskField { get; } = DiskFieldOf();

    [DynamicDependency("_disk", typeof(LiteEngine))]
    private static FieldInfo DiskFieldOf() =>
        typeof(LiteEngine).GetField("_disk", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new MissingFieldException(nameof(LiteEngine), "_disk");

    // Lazy<DiskWriterQueue>'s members cannot be named to UnsafeAccessor (a generic over an internal type);
    // its public properties are kept for reflection instead.
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicProperties, typeof(Lazy<>))]
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Lazy<T>'s public properties are kept by the DynamicDependency above.")]
    private static object LazyIsValueCreated(object lazy) =>
        lazy.GetType().GetProperty(nameof(Lazy<object>.IsValueCreated))!.GetValue(lazy)!;

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Lazy<T>'s public properties are kept by the DynamicDependency on LazyIsValueCreated.")]
    private static object LazyValue(object lazy) =>
        lazy.GetType().GetProperty(nameof(Lazy<object>.Value))!.GetValue(lazy)!;

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Queue")]
    [return: UnsafeAccessorType("System.Lazy`1[[" + WriterQueueType + "]]")]
    private static extern object Queue([UnsafeAccessorType(DiskServiceType)] object disk);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_queueIsEmpty")]
    private static extern ref ManualResetEventSlim QueueIsEmptyField([UnsafeAccessorType(WriterQueueType)] object queue);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_exception")]
    private static extern ref Exception? WriterFailureField([UnsafeAccessorType(WriterQueueType)] object queue);

    private static ManualResetEventSlim QueueIsEmpty(object queue) => QueueIsEmptyField(queue);

    private static Exception? WriterFailure(object queue) => Volatile.Read(ref WriterFailureField(queue));
}
