using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.CallOuts;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Retention;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Paper;
using Jour.Resources;
using Jour.Storage;

namespace Jour.Cli;

/// <summary>The period options of `jour stats`, as given.</summary>
internal sealed record StatsPeriodArgs(string? From, string? To, string? Quarter = null, string? Year = null);

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

    public static Task<int> ExportInvoiceAsync(JourPaths paths, string? month, string format, string? outFile, bool force, PaperArgs paper, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        ExportMonthAsync(
            paths, month, format, outFile, force, paper, output, errors, CliText.Invoice_Title,
            (service, period, ct) => service.SendAsync(new InvoiceRequest(period.From.Year, period.From.Month), ct),
            (basis, chosen) => chosen switch
            {
                "csv" => InvoiceFormat.Csv(basis),
                "json" => InvoiceFormat.Json(basis),
                _ => InvoiceFormat.Text(basis),
            },
            cancellationToken);

    public static Task<int> ExportProviderBasisAsync(JourPaths paths, string? month, string format, string? outFile, bool force, PaperArgs paper, TextWriter output, TextWriter errors, CancellationToken cancellationToken) =>
        ExportMonthAsync(
            paths, month, format, outFile, force, paper, output, errors, CliText.ProviderBasis_Title,
            (service, period, ct) => service.SendAsync(new ProviderBasisRequest(period.From.Year, period.From.Month), ct),
            (basis, chosen) => chosen switch
            {
                "csv" => ProviderBasisFormat.Csv(basis),
                "json" => ProviderBasisFormat.Json(basis),
                _ => ProviderBasisFormat.Text(basis),
            },
            cancellationToken);

    /// <summary>
    /// A month's export (the month before this one when none is given: both are made monthly in arrears). With
    /// --pdf or --print the text layout goes on paper; the chosen --format then goes only to --out.
    /// </summary>
    private static async Task<int> ExportMonthAsync<T>(
        JourPaths paths,
        string? month,
        string format,
        string? outFile,
        bool force,
        PaperArgs paper,
        TextWriter output,
        TextWriter errors,
        string title,
        Func<SocketJourService, ReportPeriod, CancellationToken, Task<T>> fetch,
        Func<T, string, string> render,
        CancellationToken cancellationToken)
    {
        ReportPeriod period;
        if (string.IsNullOrWhiteSpace(month))
        {
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
        T basis = await fetch(service, period, cancellationToken);
        string text = render(basis, format);
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
        string heading = $"{title} {period.From.ToString("yyyy-MM", CultureInfo.InvariantCulture)}";
        return await PaperOutput.WriteAsync(paths, render(basis, "text"), new PaperHeading(heading, demo), paper.Pdf, paper.Print, force, errors, cancellationToken);
    }

    /// <summary>With --pdf or --print the text layout goes on paper; the chosen --format then goes only to --out.</summary>
    public static async Task<int> StatsAsync(JourPaths paths, StatsPeriodArgs asked, string format, string? outFile, bool force, PaperArgs paper, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        (DateOnly first, DateOnly last) = StatsPeriod(asked, ReportPeriod.LocalDate(DateTime.UtcNow));
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
        return await PaperOutput.WriteAsync(paths, StatisticsFormat.Text(report), new PaperHeading(StatisticsFormat.PaperTitle(report.From, report.To), demo), paper.Pdf, paper.Print, force, errors, cancellationToken);
    }

    public static async Task<int> SettingsAsync(JourPaths paths, IReadOnlyList<string> sets, string format, TextWriter output, CancellationToken cancellationToken)
    {
        // The SMS settings (issue 21) are their own use case: an administrator's, with a test call on saving.
        var smsSets = sets.Where(s => SmsSettingsCommand.IsSmsKey(s)).ToList();
        sets = [.. sets.Where(s => !SmsSettingsCommand.IsSmsKey(s))];
        SaveSmsSettings? sms = smsSets.Count > 0 ? SmsSettingsCommand.Parse(smsSets) : null;
        var poolSets = sets.Where(PoolSettingsCommand.IsPoolKey).ToList();
        sets = [.. sets.Where(s => !PoolSettingsCommand.IsPoolKey(s))];
        var retentionSets = sets.Where(RetentionSettingsCommand.IsRetentionKey).ToList();
        sets = [.. sets.Where(s => !RetentionSettingsCommand.IsRetentionKey(s))];
        SaveRetentionSettings? retentionChange = retentionSets.Count > 0 ? RetentionSettingsCommand.Parse(retentionSets) : null;
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        PoolSettingsData pool = await service.SendAsync(new GetPoolSettings(), cancellationToken);
        if (poolSets.Count > 0)
        {
            pool = await service.SendAsync(new SavePoolSettings(PoolSettingsCommand.With(pool, poolSets)), cancellationToken);
        }

        RetentionSettingsData retention = retentionChange is not null
            ? await service.SendAsync(retentionChange, cancellationToken)
            : await service.SendAsync(new GetRetentionSettings(), cancellationToken);

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
                    throw new CliException(Error(Format(CliText.Settings_BadSet, set, string.Join(", ", s_keys.Concat(PoolSettingsCommand.Keys).Concat(RetentionSettingsCommand.Keys).Concat(SmsSettingsCommand.Keys)))));
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
        await RetentionSettingsCommand.WriteAsync(retention, output);
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
        _ => throw new CliException(Error(Format(CliText.Settings_BadSet, key, string.Join(", ", s_keys.Concat(PoolSettingsCommand.Keys).Concat(RetentionSettingsCommand.Keys).Concat(SmsSettingsCommand.Keys))))),
    };

    /// <summary>Days as digits; anything else is refused by the server's own message, which names the field.</summary>
    private static int Days(string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int days)
            ? days
            : throw new CliException(Error(Messages.Format(ErrorCodes.SettingsPaymentTermInvalid, [value])));

    /// <summary>
    /// The days `jour stats` counts: --year 2026 (the year report), --quarter 2026-Q3 (the quarterly follow-up),
    /// or --from/--to; with none of them the running quarter, with --from alone its quarter.
    /// </summary>
    public static (DateOnly From, DateOnly To) StatsPeriod(StatsPeriodArgs asked, DateOnly today)
    {
        int given = (asked.Year is null ? 0 : 1) + (asked.Quarter is null ? 0 : 1) + (asked.From is null && asked.To is null ? 0 : 1);
        if (given > 1)
        {
            throw new CliException(Error(CliText.Stats_PeriodEither));
        }

        if (asked.Year is { } yearText)
        {
            return int.TryParse(yearText.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int year) && year is >= 2000 and <= 2100
                ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
                : throw new CliException(Error(Format(CliText.Stats_BadYear, yearText)));
        }

        if (asked.Quarter is { } quarterText)
        {
            System.Text.RegularExpressions.Match m = System.Text.RegularExpressions.Regex.Match(quarterText.Trim(), @"^(\d{4})-?[QqKk]?([1-4])$");
            int year = m.Success ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            return m.Success && year is >= 2000 and <= 2100
                ? (ReportPeriod.QuarterOf(new DateOnly(year, (3 * int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture)) - 2, 1)) is var q ? (q.From, q.To) : default)
                : throw new CliException(Error(Format(CliText.Stats_BadQuarter, quarterText)));
        }

        ReportPeriod running = ReportPeriod.QuarterOf(today);
        DateOnly first = ParseDate(asked.From) ?? running.From;
        DateOnly last = ParseDate(asked.To) ?? (asked.From is null ? running.To : ReportPeriod.QuarterOf(first).To);
        return (first, last);
    }

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
