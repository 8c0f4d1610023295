using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Resources;
using Jour.Storage;
using NodaTime;

namespace Jour.Cli;

/// <summary>
/// `jour handover [--at TIME] [--out FILE [--force]] [--print] [--with-addresses] [--continuity]`: the handover on A4
/// pages, to the terminal, a file or the default printer. Exit 0 when written, 2 when it could not be.
/// </summary>
internal static class HandoverCommand
{
    public static async Task<int> RunAsync(JourPaths paths, HandoverOptionsArgs args, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        DateTime? atUtc = null;
        if (!string.IsNullOrWhiteSpace(args.At))
        {
            LocalDate today = SwedishTime.ToLocal(DateTime.UtcNow).Date;
            if (!LocalTimeInput.TryParseCommandLine(args.At, today, out DateTime parsed, out string error))
            {
                throw new CliException(Text(CliText.Cli_Error, error));
            }

            atUtc = parsed;
        }

        FollowUpCommands.RefuseEarly(paths, args.Out, args.Force);
        HandoverView view;
        using (SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken))
        {
            view = await service.SendAsync(new HandoverRequest(atUtc, args.WithAddresses, args.Continuity, Paged: true), cancellationToken);
        }

        int pages = view.Text.Count(c => c == '\f') + 1;
        if (args.Out is { Length: > 0 } file)
        {
            // The handover names clients and, with --with-addresses, where they live.
            SafeOutput.WriteText(file, paths.DataDirectory, args.Force, view.Text, new UTF8Encoding(false));
            await errors.WriteLineAsync(Text(CliText.Handover_Written, file, pages));
        }
        else if (!args.Print)
        {
            await output.WriteAsync(view.Text);
        }

        return args.Print ? await PrintAsync(view.Text, errors, cancellationToken) : 0;
    }

    /// <summary>Sends the text to `lp` (the default destination); says plainly when there is no lp or no printer.</summary>
    private static async Task<int> PrintAsync(string text, TextWriter errors, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("lp")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("media=A4");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            await errors.WriteLineAsync(CliText.Handover_NoLp);
            return 2;
        }

        using (process)
        {
            await process.StandardInput.WriteAsync(text);
            process.StandardInput.Close();
            string answer = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            string problem = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                await errors.WriteLineAsync(Text(CliText.Handover_PrintFailed, problem.Trim().Length > 0 ? problem.Trim() : process.ExitCode.ToString(CultureInfo.InvariantCulture)));
                return 2;
            }

            await errors.WriteLineAsync(Text(CliText.Handover_Printed, answer.Trim()));
            return 0;
        }
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}

/// <summary>The options of `jour handover`.</summary>
internal sealed record HandoverOptionsArgs(string? At, string? Out, bool Print, bool WithAddresses, bool Continuity, bool Force = false);
