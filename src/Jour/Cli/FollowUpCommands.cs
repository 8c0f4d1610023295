using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.CallOuts;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Paper;
using Jour.Resources;
using Jour.Storage;

namespace Jour.Cli;

/// <summary>`jour export invoice`, `jour stats` and `jour settings`: follow-up for finance and the council. Contracts: <see cref="ContractCommands"/>.</summary>
internal static class FollowUpCommands
{
    private static readonly UTF8Encoding s_utf8Bom = new(encoderShouldEmitUTF8Identifier: true);

    /// <summary>The setting names `jour settings --set NAME=VALUE` takes, in the order they are printed.</summary>
    private static readonly string[] s_keys =
    [
        "supplier", "org-number", "vat-number", "f-tax", "customer", "customer-reference", "invoice-address", "payment-days",
    ];

    /// <summary>Settings until schema 4; now the contract's (`jour contract`).</summary>
    private static readonly string[] s_contractKeys = ["contract-start", "contract-end", "annual-compensation", "utilisation-target", "capacity-hours"];

    /// <summary>With --pdf or --print the text layout goes on paper; the chosen --format then goes only to --out.</summary>
    public static async Task<int> ExportInvoiceAsync(JourPaths paths, string? month, string format, string? outFile, bool force, PaperArgs paper, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ReportPeriod period;
        if (string.IsNullOrWhiteSpace(month))
        {
            // Invoicing is monthly in arrears: the month before this one.
            DateOnly today = ReportPeriod.LocalDate(DateTime.UtcNow);
            DateOnly last = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            period = ReportPeriod.Month(last.Year, last.Month);
        }
        else if (!ReportPeriod.TryParseMonth(month, out period))
        {
            throw new CliException(Error(Messages.Get(ErrorCodes.InvoiceMonthInvalid)));
        }

        RefuseEarly(paths, outFile, force);
        PaperOutput.RefuseEarly(paths, paper.Pdf, paper.Print, force);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        InvoiceBasis basis = await service.SendAsync(new InvoiceRequest(period.From.Year, period.From.Month), cancellationToken);
        string text = format switch
        {
            "csv" => InvoiceFormat.Csv(basis),
            "json" => InvoiceFormat.Json(basis),
            _ => InvoiceFormat.Text(basis),
        };
        if (!PaperOutput.Wanted(paper.Pdf, paper.Print))
        {
            await WriteAsync(paths, text, format == "csv", outFile, force, output);
            return 0;
        }

        if (!string.IsNullOrWhiteSpace(outFile))
        {
            await WriteAsync(paths, text, format == "csv", outFile, force, output);
        }

        bool demo = await CliSession.IsDemoAsync(service, cancellationToken);
        string title = $"{CliText.Invoice_Title} {period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return await PaperOutput.WriteAsync(paths, InvoiceFormat.Text(basis), new PaperHeading(title, demo), paper.Pdf, paper.Print, force, errors, cancellationToken);
    }

    /// <summary>With --pdf or --print the text layout goes on paper; the chosen --format then goes only to --out.</summary>
    public static async Task<int> StatsAsync(JourPaths paths, string? from, string? to, string format, string? outFile, bool force, PaperArgs paper, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        ReportPeriod quarter = ReportPeriod.QuarterOf(ReportPeriod.LocalDate(DateTime.UtcNow));
        DateOnly first = ParseDate(from) ?? quarter.From;
        DateOnly last = ParseDate(to) ?? (from is null ? quarter.To : ReportPeriod.QuarterOf(first).To);
        RefuseEarly(paths, outFile, force);
        PaperOutput.RefuseEarly(paths, paper.Pdf, paper.Print, force);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        StatisticsReport report = await service.SendAsync(new StatisticsRequest(first, last), cancellationToken);
        string text = format switch
        {
            "json" => JsonSerializer.Serialize(report, CliJsonContext.Default.StatisticsReport) + "\n",
            "csv" => StatisticsFormat.Csv(report),
            _ => StatisticsFormat.Text(report),
        };
        if (!PaperOutput.Wanted(paper.Pdf, paper.Print))
        {
            await WriteAsync(paths, text, format == "csv", outFile, force, output);
            return 0;
        }

        if (!string.IsNullOrWhiteSpace(outFile))
        {
            await WriteAsync(paths, text, format == "csv", outFile, force, output);
        }

        bool demo = await CliSession.IsDemoAsync(service, cancellationToken);
        string title = Format(CliText.Pdf_TitleStats, Date(report.From), Date(report.To));
        return await PaperOutput.WriteAsync(paths, StatisticsFormat.Text(report), new PaperHeading(title, demo), paper.Pdf, paper.Print, force, errors, cancellationToken);
    }

    public static async Task<int> SettingsAsync(JourPaths paths, IReadOnlyList<string> sets, string format, TextWriter output, CancellationToken cancellationToken)
    {
        // The SMS settings (issue 21) are their own use case: an administrator's, with a test call on saving.
        var smsSets = sets.Where(s => SmsSettingsCommand.IsSmsKey(s)).ToList();
        sets = [.. sets.Where(s => !SmsSettingsCommand.IsSmsKey(s))];
        SaveSmsSettings? sms = smsSets.Count > 0 ? SmsSettingsCommand.Parse(smsSets) : null;
        var poolSets = sets.Where(PoolSettingsCommand.IsPoolKey).ToList();
        sets = [.. sets.Where(s => !PoolSettingsCommand.IsPoolKey(s))];
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        PoolSettingsData pool = await service.SendAsync(new GetPoolSettings(), cancellationToken);
        if (poolSets.Count > 0)
        {
            pool = await service.SendAsync(new SavePoolSettings(PoolSettingsCommand.With(pool, poolSets)), cancellationToken);
        }

        SettingsData settings = await service.SendAsync(new GetSettings(), cancellationToken);
        SmsSettingsData smsData = sms is not null
            ? await service.SendAsync(sms, cancellationToken)
            : await service.SendAsync(new GetSmsSettings(), cancellationToken);
        if (sets.Count > 0)
        {
            foreach (string set in sets)
            {
                int eq = set.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new CliException(Error(Format(CliText.Settings_BadSet, set, string.Join(", ", s_keys.Concat(PoolSettingsCommand.Keys).Concat(SmsSettingsCommand.Keys)))));
                }

                settings = With(settings, set[..eq].Trim().ToLowerInvariant(), set[(eq + 1)..].Trim());
            }

            settings = await service.SendAsync(new SaveSettings(settings), cancellationToken);
        }

        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(settings, CliJsonContext.Default.SettingsData));
            return SmsSettingsCommand.ExitCode(sms, smsData);
        }

        string[] values = Values(settings);
        for (int i = 0; i < s_keys.Length; i++)
        {
            await output.WriteLineAsync($"{s_keys[i],-22}{values[i]}");
        }

        await PoolSettingsCommand.WriteAsync(pool, output);
        await SmsSettingsCommand.WriteAsync(smsData, sms is not null, output);
        return SmsSettingsCommand.ExitCode(sms, smsData);
    }

    private static string[] Values(SettingsData s) =>
    [
        s.SupplierName, s.OrganisationNumber, s.VatNumber, s.FTax, s.CustomerName, s.CustomerReference, s.InvoiceAddress,
        s.PaymentTermDays.ToString(CultureInfo.InvariantCulture),
    ];

    private static SettingsData With(SettingsData s, string key, string value) => key switch
    {
        "supplier" => s with { SupplierName = value },
        "org-number" => s with { OrganisationNumber = value },
        "vat-number" => s with { VatNumber = value },
        "f-tax" => s with { FTax = value },
        "customer" => s with { CustomerName = value },
        "customer-reference" => s with { CustomerReference = value },
        "invoice-address" => s with { InvoiceAddress = value },
        "payment-days" => s with { PaymentTermDays = Days(value) },
        _ when s_contractKeys.Contains(key) => throw new CliException(Error(Format(CliText.Settings_MovedToContract, key))),
        _ => throw new CliException(Error(Format(CliText.Settings_BadSet, key, string.Join(", ", s_keys.Concat(PoolSettingsCommand.Keys).Concat(SmsSettingsCommand.Keys))))),
    };

    /// <summary>Days as digits; anything else is refused by the server's own message, which names the field.</summary>
    private static int Days(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int days)
            ? days
            : throw new CliException(Error(Messages.Format(ErrorCodes.SettingsPaymentTermInvalid, [value])));

    private static DateOnly? ParseDate(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return Core.Contracts.Contract.ParseDate(text.Trim()) ?? throw new CliException(Error(Messages.Format(ErrorCodes.DateInvalid, [text.Trim()])));
    }

    /// <summary>A path that will be refused is refused before the server is asked (or even started).</summary>
    public static void RefuseEarly(JourPaths paths, string? outFile, bool force)
    {
        if (!string.IsNullOrWhiteSpace(outFile))
        {
            SafeOutput.Validate(outFile, paths.DataDirectory, force);
        }
    }

    /// <summary>
    /// CSV goes out as UTF-8 with a byte-order mark, to a file or standard output, so spreadsheets read å, ä, ö right.
    /// A file is written through <see cref="SafeOutput"/>: the invoicing basis holds personnummer.
    /// </summary>
    private static async Task WriteAsync(JourPaths paths, string text, bool csv, string? outFile, bool force, TextWriter output)
    {
        if (!string.IsNullOrWhiteSpace(outFile))
        {
            SafeOutput.WriteText(outFile, paths.DataDirectory, force, text, csv ? s_utf8Bom : new UTF8Encoding(false));
            return;
        }

        if (csv)
        {
            await output.WriteAsync('\uFEFF');
        }

        await output.WriteAsync(text);
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Error(string message) => Format(CliText.Cli_Error, message);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
