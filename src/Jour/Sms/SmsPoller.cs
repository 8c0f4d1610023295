using Jour.Core.Common;
using Jour.Storage;
using Microsoft.Extensions.Logging;

namespace Jour.Sms;

/// <summary>
/// Fetches SMS replies every polling interval (a setting) and sends what the outbox holds due, retries
/// included. It runs beside the sessions and changes the database only through the use cases, which take the
/// write gate for each change and never hold it while the gateway is asked.
/// </summary>
/// <param name="interval">The polling interval as set now (<c>JourUseCases.SmsPollInterval</c>).</param>
/// <param name="poll">One round (<c>JourUseCases.PollSmsAsync</c>).</param>
/// <param name="log">Kinds of failure only.</param>
internal sealed partial class SmsPoller(Func<TimeSpan> interval, Func<CancellationToken, Task> poll, ILogger log)
{
    /// <summary>Polls until <paramref name="stopping"/>; a failed round is logged and the next one tries again.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        // A short tick, the interval read each time: a changed setting (or the first one) counts at once, and a
        // reply waits at most the interval plus a tick.
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        DateTime last = DateTime.MinValue;
        string? failing = null;
        try
        {
            while (await tick.WaitForNextTickAsync(stopping))
            {
                try
                {
                    // Inside the try: the setting is read from the database, which may be away (PostgreSQL failing over).
                    if (DateTime.UtcNow - last < interval())
                    {
                        continue;
                    }

                    last = DateTime.UtcNow;
                    await poll(stopping);
                    if (failing is not null)
                    {
                        LogPollRecovered();
                        failing = null;
                    }
                }
                catch (Exception ex) when (ex is JourException or InvalidOperationException || StorageFailure.Classify(ex, null, "") is not null)
                {
                    // A failure of the store is the sessions' to report; the next round tries again. Logged once per
                    // run of failures of one kind, not every tick while the database is away.
                    if (failing != ex.GetType().Name)
                    {
                        LogPollFailed(ex.GetType().Name);
                        failing = ex.GetType().Name;
                    }
                }
                catch (Exception ex) when (ex is not OutOfMemoryException && !stopping.IsCancellationRequested)
                {
                    // Anything else is a defect, but ending the loop would leave every later "ja" unread until the
                    // server restarts, with nothing on any screen: log it (type and stack, never a message that
                    // could quote a text) and poll again next interval.
                    LogPollDefect(ex.GetType().FullName ?? "?", ex.StackTrace ?? "");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMS polling round failed ({Kind}); trying again until it works")]
    private partial void LogPollFailed(string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMS polling works again")]
    private partial void LogPollRecovered();

    [LoggerMessage(Level = LogLevel.Error, Message = "SMS polling round failed with {ExceptionType}; trying again next interval\n{StackTrace}")]
    private partial void LogPollDefect(string exceptionType, string stackTrace);
}
