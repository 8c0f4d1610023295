using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// `jour contract add|list|extend`: the contracts finance keeps (issue 19). Input is read here, each field
/// refused by name before the server is asked; the rules themselves (overlaps, one way of compensation) are
/// the server's, so every front end gets the same refusal.
/// </summary>
internal static class ContractCommands
{
    public static async Task<int> AddAsync(JourPaths paths, AddContract request, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        ContractData added = await service.SendAsync(request, cancellationToken);
        await output.WriteLineAsync(Format(CliText.Contract_Added, added.Id, Day(added.From), Day(added.To), Kronor(added.NetAnnualKr)));
        return 0;
    }

    public static async Task<int> ExtendAsync(JourPaths paths, ExtendContract request, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        ContractData extended = await service.SendAsync(request, cancellationToken);
        await output.WriteLineAsync(Format(CliText.Contract_Extended, extended.Id, Day(extended.From), Day(extended.To)));
        return 0;
    }

    public static async Task<int> ListAsync(JourPaths paths, string format, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        IReadOnlyList<ContractData> contracts = await service.SendAsync(new GetContracts(), cancellationToken);
        await output.WriteAsync(format == "json" ? Json(contracts) : Text(contracts));
        return 0;
    }

    /// <summary>The request `jour contract add` sends; a missing or unreadable field is refused by its option's name.</summary>
    public static AddContract ParseAdd(
        string? from,
        string? to,
        string? annual,
        string? priceLevel,
        string? lumpSum,
        string? utilisation,
        IReadOnlyList<string> deductions,
        string? capacityHours,
        string? extensionMonths,
        string? noticeWeeks)
    {
        DateOnly first = Date("--from", from ?? throw Missing("--from"));
        DateOnly last = Date("--to", to ?? throw Missing("--to"));
        if (annual is null == lumpSum is null)
        {
            throw new CliException(Error(CliText.Contract_OneCompensation));
        }

        return new AddContract(
            first,
            last,
            annual is null ? null : Amount("--annual", annual),
            priceLevel is null ? null : Whole("--price-level", priceLevel),
            lumpSum is null ? null : Amount("--lump-sum", lumpSum),
            utilisation is null ? 0m : ContractInput.Percent(utilisation) ?? throw new CliException(Error(Format(CliText.Contract_BadAmount, "--utilisation", utilisation))),
            capacityHours is null ? 0m : Amount("--capacity-hours", capacityHours),
            [.. deductions.Select(Deduction)],
            extensionMonths is null ? null : Whole("--extension-months", extensionMonths),
            noticeWeeks is null ? 2 : Whole("--notice-weeks", noticeWeeks));
    }

    /// <summary>The request `jour contract extend` sends: to a date, until further notice, or by the contract's own months.</summary>
    public static ExtendContract ParseExtend(string? id, string? to, bool untilFurtherNotice)
    {
        long contractId = long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n > 0
            ? n
            : throw new CliException(Error(Format(CliText.Contract_BadWhole, "ID", id ?? "")));
        if (to is not null && untilFurtherNotice)
        {
            throw new CliException(Error(CliText.Contract_ExtendEither));
        }

        return new ExtendContract(contractId, to is null ? null : Date("--to", to), untilFurtherNotice);
    }

    /// <summary>"KR:FROM:TO:REASON" (<see cref="ContractInput.Deduction"/>), refused whole with the form it must take.</summary>
    public static DeductionData Deduction(string text) =>
        ContractInput.Deduction(text) ?? throw new CliException(Error(Format(CliText.Contract_BadDeduction, text)));

    /// <summary>The contracts for scripts: snake_case keys, dates yyyy-MM-dd, kronor as numbers, an open end as null.</summary>
    public static string Json(IReadOnlyList<ContractData> contracts)
    {
        var rows = contracts.Select(c => new ContractOutput(
            c.Id,
            Iso(c.From),
            c.To is { } to ? Iso(to) : null,
            c.AnnualKr,
            c.PriceLevel,
            c.LumpSumKr,
            c.UtilisationPercent,
            c.CapacityHoursPerYear,
            [.. c.Deductions.Select(d => new DeductionOutput(d.AmountKr, Iso(d.From), Iso(d.To), d.Reason))],
            c.MonthsPerExtension,
            c.NoticeWeeks,
            c.AnnualEquivalentKr,
            c.NetAnnualKr)).ToList();
        return JsonSerializer.Serialize<IReadOnlyList<ContractOutput>>(rows, CliJsonContext.Default.IReadOnlyListContractOutput) + "\n";
    }

    /// <summary>One block per contract, the earliest first; every figure on its own labelled line.</summary>
    public static string Text(IReadOnlyList<ContractData> contracts)
    {
        if (contracts.Count == 0)
        {
            return CliText.Contract_None + "\n";
        }

        var text = new StringBuilder();
        foreach (ContractData c in contracts)
        {
            text.AppendLine(Format(CliText.Contract_Period, c.Id, Day(c.From), Day(c.To)));
            if (c.AnnualKr is { } annual)
            {
                text.AppendLine(c.PriceLevel is { } level
                    ? Format(CliText.Contract_AnnualAtLevel, Kronor(annual), level)
                    : Format(CliText.Contract_Annual, Kronor(annual)));
            }
            else if (c.LumpSumKr is { } sum)
            {
                text.AppendLine(Format(CliText.Contract_LumpSum, Kronor(sum), Kronor(c.AnnualEquivalentKr)));
            }

            text.AppendLine(Format(CliText.Contract_Utilisation, Number(c.UtilisationPercent)));
            if (c.CapacityHoursPerYear > 0)
            {
                text.AppendLine(Format(CliText.Contract_Capacity, Number(c.CapacityHoursPerYear)));
            }

            foreach (DeductionData d in c.Deductions)
            {
                text.AppendLine(Format(CliText.Contract_Deduction, Kronor(d.AmountKr), Day(d.From), Day(d.To), d.Reason));
            }

            text.AppendLine(Format(CliText.Contract_Net, Kronor(c.NetAnnualKr)));
            text.AppendLine(c.MonthsPerExtension is { } months
                ? Format(CliText.Contract_Extension, months, c.NoticeWeeks)
                : Format(CliText.Contract_ExtensionByDecision, c.NoticeWeeks));
        }

        return text.ToString();
    }

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Day(DateOnly? day) => day is { } d ? Iso(d) : CliText.Contract_UntilFurtherNotice;

    private static string Kronor(decimal kr) => kr.ToString("#,0.##", CultureInfo.CurrentCulture);

    private static string Number(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture);

    private static DateOnly Date(string option, string text) =>
        Contract.ParseDate(text.Trim()) ?? throw new CliException(Error(Format(CliText.Contract_BadDate, option, text)));

    private static decimal Amount(string option, string text) =>
        ContractInput.Amount(text) ?? throw new CliException(Error(Format(CliText.Contract_BadAmount, option, text)));

    private static int Whole(string option, string text) =>
        ContractInput.Whole(text) ?? throw new CliException(Error(Format(CliText.Contract_BadWhole, option, text)));

    private static CliException Missing(string option) => new(Error(Format(CliText.Contract_Missing, option)));

    private static string Error(string message) => Format(CliText.Cli_Error, message);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
