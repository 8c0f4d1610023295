using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Reports;

/// <summary>
/// F6: the follow-up for the council's quarterly meetings (seeds 000, 002, 003, 004). Utilisation against
/// the target and cost per used hour first, then hours per month as bars, the weekly trend as a
/// sparkline, and the persons and cases. ← → move by a period, P switches quarter / month / year.
/// </summary>
public sealed class ReportsScreen : IScreen, IReloadable
{
    private const int LabelWidth = 10;

    private readonly ShellView _shell;
    private PeriodKind _kind = PeriodKind.Quarter;
    private ReportPeriod _period;
    private StatisticsReport? _report;
    private InvoiceBasis? _invoice;
    private bool _shown;

    public ReportsScreen(ShellView shell)
    {
        _shell = shell;
        _period = ReportPeriod.QuarterOf(Today);
    }

    private enum PeriodKind
    {
        Quarter,
        Month,
        Year,
    }

    public string Title => UiText.Screen_Reports;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("reports.previous", "Left", UiText.Help_Reports_Previous, null, () => Step(-1)),
        ScreenCommand.Of("reports.next", "Right", UiText.Help_Reports_Next, null, () => Step(1)),
        ScreenCommand.Of("reports.kind", "P", UiText.Help_Reports_Kind, UiText.Hint_ReportsKind, NextKind),
        ScreenCommand.Of("reports.today", "I", UiText.Help_Reports_Today, UiText.Hint_Today, () => SetPeriod(Today)),
        ScreenCommand.Of("reports.settings", "S", UiText.Help_Reports_Settings, UiText.Hint_Settings, () =>
            _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new GetSettings()),
                settings => _shell.Push(new SettingsFormScreen(_shell, settings, Reload)))),
        ScreenCommand.Of("reports.contracts", "A", UiText.Help_Reports_Contracts, UiText.Hint_Contracts, () => _shell.Push(new ContractsScreen(_shell)), () =>
            (_shell.Session.Session.Roles & (Role.Finance | Role.Admin | Role.Coordinator)) != 0 ? null : Messages.Format(ErrorCodes.ContractsNotPermitted, [])),
        ScreenCommand.Of("reports.export-invoice", "E", UiText.Help_Reports_ExportInvoice, UiText.Hint_Export, () =>
            Export(exports => exports.InvoiceAsync(_invoice!, _shell.Session.Session.IsDemo)),
            () => CanExport() ?? (_kind == PeriodKind.Month && _invoice is { } i && i.Header.PeriodFrom == _period.From ? null : UiText.Export_InvoiceNeedsMonth)),
        ScreenCommand.Of("reports.export-statistics", "T", UiText.Help_Reports_ExportStatistics, UiText.Hint_ExportStatistics, () =>
            Export(exports => exports.StatisticsAsync(_report!, _shell.Session.Session.IsDemo)),
            () => CanExport() ?? (_report is null ? UiText.Export_NothingYet : null)),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    /// <summary>F1: the formulas with the shown period's numbers, once its statistics are here.</summary>
    public IReadOnlyList<string> Explanation => _report is { } r && r.From == _period.From && r.To == _period.To ? ReportsExplanation.Lines(r) : [];

    private string? CanExport() => _shell.Exports?.Directory is null ? UiText.Export_NotConfigured : null;

    // The file's name is shown where the officer acted; a refusal (a full disk, a missing font) likewise.
    private void Export(Func<IPaperExports, Task<string>> export) =>
        _shell.RunInBackground(() => export(_shell.Exports!), path => _shell.ShowDone(Format.Text(UiText.Export_Written, path)));

    private void Step(int step)
    {
        DateOnly from = _kind switch
        {
            PeriodKind.Month => _period.From.AddMonths(step),
            PeriodKind.Year => _period.From.AddYears(step),
            _ => _period.From.AddMonths(3 * step),
        };
        SetPeriod(from);
    }

    private void NextKind()
    {
        _kind = _kind switch
        {
            PeriodKind.Quarter => PeriodKind.Month,
            PeriodKind.Month => PeriodKind.Year,
            _ => PeriodKind.Quarter,
        };
        SetPeriod(_period.From);
    }

    private DateOnly Today => ReportPeriod.LocalDate(_shell.UtcNow);

    /// <summary>
    /// Asks for the period's statistics again, once the screen has been shown: a quarter costs the server
    /// a tenth of a second at 100,000 cases, which a session that never opens F6 should not spend (and
    /// not at every change pushed to it).
    /// </summary>
    public void Reload()
    {
        if (_shown)
        {
            Load();
        }
    }

    private void Load()
    {
        ReportPeriod asked = _period;
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new StatisticsRequest(asked.From, asked.To)),
            report =>
            {
                if (report.From == _period.From && report.To == _period.To)
                {
                    _report = report;
                }
            });

        // A month's invoice for those who may read it (it carries full personnummer, so only finance and admin).
        if (_kind == PeriodKind.Month && (_shell.Session.Session.Roles & (Role.Finance | Role.Admin)) != 0)
        {
            _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new InvoiceRequest(asked.From.Year, asked.From.Month)),
                basis =>
                {
                    if (basis.Header.PeriodFrom == _period.From)
                    {
                        _invoice = basis;
                    }
                });
        }
    }

    public bool HandleKey(Key key) => false;

    public void Draw(Canvas canvas)
    {
        if (!_shown)
        {
            _shown = true;
            Load();
        }

        canvas.Line(0, PeriodTitle());
        StatisticsReport? s = _report;
        if (s is null || s.From != _period.From || s.To != _period.To)
        {
            canvas.Line(2, "  " + UiText.Reports_Loading);
            return;
        }

        int row = 1;
        if (s.CountedTo < s.To)
        {
            canvas.Line(row, "  " + Format.Text(UiText.Reports_CountedTo, Date(s.CountedTo)));
        }

        row++;

        // Seed 000's utilisation: the paid hours' used share against the expected one, and what the rest bills.
        // Without any paid hours the row says so instead of drawing an empty gauge (and the screen keeps its rows).
        UtilisationFigures u = s.Utilisation;
        string expected = Format.Text(UiText.Reports_Expected, Number((double)u.ExpectedPercent, "0.#"));
        if (u.UsedPercent is { } used)
        {
            string gauge = Charts.Gauge((double)used, (double)u.ExpectedPercent, 32, canvas.Ascii);
            canvas.Line(row++, $"{UiText.Reports_UsedShare,-LabelWidth - 11} {Number((double)used, "0.0"),6} %  {gauge} {expected}");
            canvas.Line(row++, $"{UiText.Reports_PaidHours,-LabelWidth - 11} {Number((double)u.PaidHours, "#,0.0") + " h",8}    {Format.Text(UiText.Reports_PaidDetail, Number((double)u.OtherContractHours, "#,0.0"), Number((double)u.AssignmentHours, "#,0.0"))}");
            canvas.Line(row++, $"{UiText.Reports_Billable,-LabelWidth - 11} {Money(u.BillableKr),8}    {Format.Text(UiText.Reports_BillableDetail, Money(u.ExpectedBillableKr))}");
        }
        else
        {
            canvas.Line(row++, $"{UiText.Reports_UsedShare,-LabelWidth - 11} {"–",6}    {Format.Text(UiText.Reports_NoPaidHours, expected)}");
        }

        string cost = s.CostPerHour is { } c ? Money(c) : "–";
        canvas.Line(row++, $"{UiText.Reports_CostPerHour,-LabelWidth - 11} {cost,8}    {Format.Text(UiText.Reports_CostDetail, Money(s.Compensation))}");
        canvas.Line(row++, $"{UiText.Reports_Hours,-LabelWidth - 11} {Hours(s.MinutesDeployed),8}    {Format.Text(UiText.Reports_HoursSplit, Hours(s.SignedMinutes), Hours(s.MinutesDeployed - s.SignedMinutes), s.UnsignedTimeReports)}");
        if (_kind == PeriodKind.Month && _invoice is { } invoice && invoice.Header.PeriodFrom == _period.From)
        {
            canvas.Line(row++, $"{UiText.Reports_Invoice,-LabelWidth - 11} {Money(invoice.TotalKr),8}    {Format.Text(UiText.Reports_InvoiceDue, Date(invoice.Header.DueDate), Date(invoice.Header.InvoiceDate))}");
        }

        if (u.UsedPercent is not null && u.MissingMonths.Count > 0)
        {
            canvas.Line(row++, "  " + Format.Text(UiText.Reports_PaidMissing, Months(u.MissingMonths)));
        }

        row++;

        // Hours per month as bars (a year has twelve rows, so at most what fits is shown).
        long max = s.Months.Count == 0 ? 0 : s.Months.Max(m => m.Minutes);
        int barWidth = canvas.Width - LabelWidth - 12;
        int monthRows = Math.Min(s.Months.Count, Math.Max(1, canvas.Height - row - 7));
        canvas.Line(row++, UiText.Reports_PerMonth);
        foreach (PeriodMinutes m in s.Months.TakeLast(monthRows))
        {
            string label = m.Start.ToString("MMM yyyy", CultureInfo.CurrentCulture);
            canvas.Line(row++, $"  {label,-LabelWidth}{Charts.Bar(m.Minutes, max, barWidth, canvas.Ascii)} {Hours(m.Minutes),8}");
        }

        // The trend stops at the week holding the last counted day: weeks to come would read as a drop.
        var counted = s.Weeks.Where(w => w.Start <= s.CountedTo).ToList();
        var trend = counted.TakeLast(Math.Min(counted.Count, canvas.Width - 34)).ToList();
        if (trend.Count > 0)
        {
            string spark = Charts.Sparkline([.. trend.Select(w => (double)w.Minutes)], canvas.Ascii);
            canvas.Line(row++, $"{UiText.Reports_Trend,-LabelWidth - 2}{spark}  {Format.Text(UiText.Reports_Weeks, WeekNumber(trend[0].Start), WeekNumber(trend[^1].Start))}");
        }

        row++;
        canvas.Line(row++, Format.Text(UiText.Reports_Persons, s.CurrentPersons, s.Women, s.Men, s.NewPersons, s.ClosedPersons, Number(s.HoursPerWeekPerPerson, "0.0")));
        string response = s.ResponseMedianMinutes is { } median
            ? Format.Text(UiText.Reports_Response, Clock(median), Clock(s.ResponseP90Minutes ?? 0), s.ResponseSamples)
            : "";
        canvas.Line(row++, Format.Text(UiText.Reports_Cases, s.CasesReceived) + response);
        canvas.Line(row++, UiText.Reports_Reasons + " " + string.Join(", ", s.CasesByReason.Select(r => $"{r.Label} {r.Count}")));
        if (row < canvas.Height)
        {
            canvas.Line(row++, UiText.Reports_NewReasons + " " + string.Join(", ", s.NewByReason.Select(r => $"{r.Label} {r.Count}")));
        }

        if (row < canvas.Height)
        {
            canvas.Line(row, UiText.Reports_ClosedReasons + " " + string.Join(", ", s.ClosedByReason.Select(r => $"{r.Label} {r.Count}")));
        }
    }

    private void SetPeriod(DateOnly day)
    {
        _period = _kind switch
        {
            PeriodKind.Month => ReportPeriod.Month(day.Year, day.Month),
            PeriodKind.Year => new ReportPeriod(new DateOnly(day.Year, 1, 1), new DateOnly(day.Year, 12, 31)),
            _ => ReportPeriod.QuarterOf(day),
        };
        Reload();
    }

    private string PeriodTitle()
    {
        string name = _kind switch
        {
            PeriodKind.Month => _period.From.ToString("MMMM yyyy", CultureInfo.CurrentCulture),
            PeriodKind.Year => _period.From.Year.ToString(CultureInfo.InvariantCulture),
            _ => Format.Text(UiText.Reports_Quarter, ((_period.From.Month - 1) / 3) + 1, _period.From.Year),
        };
        return $" {name}  ({Date(_period.From)} – {Date(_period.To)})";
    }

    /// <summary>"2026-10, 2026-11", or for more than three "2026-01 – 2026-11 (11)".</summary>
    private static string Months(IReadOnlyList<DateOnly> months)
    {
        static string Month(DateOnly m) => m.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        return months.Count <= 3 ? string.Join(", ", months.Select(Month)) : $"{Month(months[0])} – {Month(months[^1])} ({months.Count})";
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, SwedishCulture.Instance);

    private static string Money(decimal value) => value.ToString("#,0", SwedishCulture.Instance) + " kr";

    private static string Hours(long minutes) => (minutes / 60.0).ToString("0.0", SwedishCulture.Instance) + " h";

    /// <summary>"1 h 53 min": a response time that names its unit (1:53 read as a time of day).</summary>
    private static string Clock(double minutes) => HandoverText.Duration(TimeSpan.FromMinutes(Math.Round(minutes)));

    private static int WeekNumber(DateOnly monday) => ISOWeek.GetWeekOfYear(monday.ToDateTime(TimeOnly.MinValue));
}
