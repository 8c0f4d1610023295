using System.Globalization;
using System.Text;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Paper;
using Jour.Resources;
using Jour.Storage;
using NodaTime;

namespace Jour.Cli;

/// <summary>
/// `jour handover [--at TIME] [--out FILE] [--pdf FILE] [--force] [--print] [--with-addresses] [--continuity]`: the handover
/// (or the continuity printout) on A4 pages, to the terminal, a text file, a PDF or the printer (as that PDF). Exit 0 when written, 2 when it could not be.
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
        PaperOutput.RefuseEarly(paths, args.Pdf, args.Print, args.Force);
        HandoverView view;
        bool demo;
        using (SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken))
        {
            view = await service.SendAsync(new HandoverRequest(atUtc, args.WithAddresses, args.Continuity, Paged: true), cancellationToken);
            demo = PaperOutput.Wanted(args.Pdf, args.Print) && await CliSession.IsDemoAsync(service, cancellationToken);
        }

        int pages = view.Text.Count(c => c == '\f') + 1;
        if (args.Out is { Length: > 0 } file)
        {
            // The handover names clients and, with --with-addresses, where they live.
            SafeOutput.WriteText(file, paths.DataDirectory, args.Force, view.Text, new UTF8Encoding(false));
            await errors.WriteLineAsync(Text(CliText.Handover_Written, file, pages));
        }
        else if (!PaperOutput.Wanted(args.Pdf, args.Print))
        {
            await output.WriteAsync(view.Text);
        }

        // Paper is the same pages as the text (60 lines each, numbered by the text itself), each marked DEMO on a demo.
        string title = Text(args.Continuity ? CliText.Pdf_TitleContinuity : CliText.Pdf_TitleHandover, SwedishTime.FormatLocal(view.AtUtc));
        return await PaperOutput.WriteAsync(paths, view.Text, new PaperHeading(title, demo, NumberedByText: true), args.Pdf, args.Print, args.Force, errors, cancellationToken);
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}

/// <summary>The options of `jour handover`.</summary>
internal sealed record HandoverOptionsArgs(string? At, string? Out, bool Print, bool WithAddresses, bool Continuity, bool Force = false, string? Pdf = null);
