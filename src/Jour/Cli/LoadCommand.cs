using System.Diagnostics;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.UseCases;

namespace Jour.Cli;

/// <summary>
/// `jour load`: a client that writes notes to one case as fast as the server acknowledges them,
/// printing the id of each acknowledged note and its round-trip time. The concurrency, kill -9
/// and latency tests count these lines back against the database.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> RunAsync(JourPaths paths, long caseId, int notes, string label, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        var clock = new Stopwatch();
        int failures = 0;
        for (int i = 0; i < notes; i++)
        {
            clock.Restart();
            try
            {
                TimelineEntry entry = await service.SendAsync(new NoteRequest(caseId, $"{label} {i}"), cancellationToken);
                clock.Stop();
                await output.WriteLineAsync($"ack {entry.Id} {label} {i} {clock.Elapsed.TotalMilliseconds:0.000}");
            }
            catch (Core.Common.JourException ex)
            {
                // The server died under us (the next call reconnects) or could not store it (a full disk):
                // the note was not acknowledged. The reason as the user would read it.
                failures++;
                await output.WriteLineAsync($"fail {label} {i} {CliSession.Localize(ex)}");
            }
            catch (ServerStartException ex)
            {
                // No server could start (e.g. the disk is still full): not acknowledged either.
                failures++;
                await output.WriteLineAsync($"fail {label} {i} {ex.Message}");
            }

            await output.FlushAsync(cancellationToken);
        }

        return failures == 0 ? 0 : 1;
    }
}
