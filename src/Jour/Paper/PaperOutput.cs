using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Jour.Configuration;
using Jour.Resources;
using Jour.Storage;

namespace Jour.Paper;

/// <summary>
/// `--pdf FILE` and `--print` of the commands that make paper (handover, continuity printout, invoicing basis,
/// statistics): the text as one PDF (<see cref="PdfPaper"/>), written where the user said by the rules of every
/// output file (<see cref="SafeOutput"/>: no overwriting without --force, no symbolic link, never into the data
/// directory) and sent to `lp` as it is, so paper looks the same on every printer.
/// </summary>
internal static class PaperOutput
{
    /// <summary>Whether there is any paper to make.</summary>
    public static bool Wanted(string? pdfFile, bool print) => print || !string.IsNullOrWhiteSpace(pdfFile);

    /// <summary>Refuses a bad --pdf path and a missing font before the server is asked for anything.</summary>
    public static void RefuseEarly(JourPaths paths, string? pdfFile, bool print, bool force)
    {
        if (!string.IsNullOrWhiteSpace(pdfFile))
        {
            SafeOutput.Validate(pdfFile, paths.DataDirectory, force);
        }

        if (Wanted(pdfFile, print))
        {
            PaperFont.EnsureInstalled();
        }
    }

    /// <summary>Writes and/or prints; returns the exit code (0, or 2 when printing failed).</summary>
    public static async Task<int> WriteAsync(JourPaths paths, string text, PaperHeading heading, string? pdfFile, bool print, bool force, TextWriter errors, CancellationToken cancellationToken)
    {
        if (!Wanted(pdfFile, print))
        {
            return 0;
        }

        PaperPdf pdf = PdfPaper.Render(text, heading);
        if (!string.IsNullOrWhiteSpace(pdfFile))
        {
            string written = SafeOutput.Write(pdfFile, paths.DataDirectory, force, stream => stream.Write(pdf.Bytes));
            await errors.WriteLineAsync(Text(CliText.Pdf_Written, written, pdf.Pages == 1 ? CliText.Pdf_OnePage : Text(CliText.Pdf_Pages, pdf.Pages)));
        }

        return print ? await PrintAsync(pdf.Bytes, heading.Title, errors, cancellationToken) : 0;
    }

    /// <summary>Sends the PDF to `lp` (PRINTER or LPDEST, else the default destination); says plainly when there is no lp or no printer.</summary>
    public static async Task<int> PrintAsync(byte[] pdf, string title, TextWriter errors, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("lp")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-t");
        start.ArgumentList.Add(title);
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("media=A4");

        // A PDF is already laid out: no scaling to "fit", so 80 columns stay 80 columns on every printer.
        start.ArgumentList.Add("-o");
        start.ArgumentList.Add("print-scaling=none");
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception();
        }
        catch (Win32Exception)
        {
            await errors.WriteLineAsync(CliText.Print_NoLp);
            return 2;
        }

        using (process)
        {
            Task<string> answer = process.StandardOutput.ReadToEndAsync(cancellationToken);
            Task<string> problem = process.StandardError.ReadToEndAsync(cancellationToken);
            try
            {
                await process.StandardInput.BaseStream.WriteAsync(pdf, cancellationToken);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // lp gave up before reading it all (no printer); its own words follow.
            }

            await process.WaitForExitAsync(cancellationToken);
            string said = (await problem).Trim();
            if (process.ExitCode != 0)
            {
                await errors.WriteLineAsync(Text(CliText.Print_Failed, said.Length > 0 ? said : process.ExitCode.ToString(CultureInfo.InvariantCulture)));
                return 2;
            }

            await errors.WriteLineAsync(Text(CliText.Print_Sent, (await answer).Trim()));
            return 0;
        }
    }

    private static string Text(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
