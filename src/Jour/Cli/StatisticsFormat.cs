using System.Globalization;
using System.Text;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Core.Handover;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>`jour stats` as text (80 columns) or CSV (section;key;label;value, decimal comma).</summary>
internal static class StatisticsFormat
{
    /// <summary>Where a value starts: labels are padded to this many columns (the longest, 33, keeps two spaces).</summary>
    private const int LabelWidth = 36;

    /// <summary>
    /// A label, then its value at column 36, always with at least two spaces between them: a longer label pushes
    /// its value onto the next line, as does a value too long for the rest of the 80 columns. Counts per reason are
    /// right-aligned in one column placed after the longest reason (such as "Anordnaren har återupptagit
    /// assistansen"), so no reason ever runs into its number. Times and hours name their unit.
    /// </summary>
    public static string Text(StatisticsReport s)
    {
        var rows = new List<(string Label, string? Value, bool Count)>();
        void Line(string label, string value) => rows.Add((label, value, false));
        void Rows(IEnumerable<CountRow> list)
        {
            foreach (CountRow r in list)
            {
                rows.Add(("  " + r.Label, r.Count.ToString(SwedishCulture.Instance), true));
            }
        }

        Line(CliText.Stats_Current, Format(CliText.Stats_CurrentValue, s.CurrentPersons, s.Women, s.Men, s.SexUnknown));
        Line(CliText.Stats_HoursPerWeek, Number(s.HoursPerWeekPerPerson, "0.0") + " h");
        Line(CliText.Stats_HoursPerCase, Number(s.HoursPerCase, "0.0") + " h");
        Line(CliText.Stats_New, s.NewPersons.ToString(SwedishCulture.Instance));
        Rows(s.NewByReason);
        Line(CliText.Stats_Closed, s.ClosedPersons.ToString(SwedishCulture.Instance));
        Rows(s.ClosedByReason);
        Line(CliText.Stats_Cases, s.CasesReceived.ToString(SwedishCulture.Instance));
        rows.Add(("  " + CliText.Stats_ByReason, null, false));
        Rows(s.CasesByReason);
        rows.Add(("  " + CliText.Stats_ByOutcome, null, false));
        Rows(s.CasesByOutcome);
        Line(CliText.Stats_Incidents, s.IncidentsByKind.Sum(r => r.Count).ToString(SwedishCulture.Instance));
        Rows(s.IncidentsByKind);
        Line(CliText.Stats_Complaints, s.ComplaintsByKind.Sum(r => r.Count).ToString(SwedishCulture.Instance));
        Rows(s.ComplaintsByKind);
        Line(CliText.Stats_Escalated, s.ComplaintsEscalated.ToString(SwedishCulture.Instance));
        Line(CliText.Stats_IvoInvestigations, s.IvoInvestigationsOpened.ToString(SwedishCulture.Instance));
        rows.Add((CliText.Stats_ByInsats, null, false));
        foreach (InsatsHours h in s.HoursByInsats)
        {
            Line("  " + h.Label, Format(CliText.Stats_InsatsValue, InvoiceFormat.Hours(h.Minutes), h.Persons));
        }

        Line("  " + CliText.Stats_ShortTerm, Format(CliText.Stats_ShortTermValue, s.ShortTermDays, s.ShortTermPersons));
        if (s.Quarters.Count > 1)
        {
            // The year report: each quarter's hours, and its incidents and complaints by kind.
            rows.Add((CliText.Stats_PerQuarter, null, false));
            foreach (QuarterFigures q in s.Quarters)
            {
                Line("  " + QuarterName(q.From), InvoiceFormat.Hours(q.Minutes) + " h");
                Line("    " + CliText.Stats_QuarterIncidents, ByKind(q.IncidentsByKind));
                Line("    " + CliText.Stats_QuarterComplaints, ByKind(q.ComplaintsByKind));
            }
        }

        Line(CliText.Stats_Response, s.ResponseMedianMinutes is { } median
            ? Format(CliText.Stats_ResponseValue, Minutes(median), Minutes(s.ResponseP90Minutes ?? 0), s.ResponseSamples)
            : "–");
        Line(CliText.Stats_Hours, Format(CliText.Stats_HoursValue, InvoiceFormat.Hours(s.MinutesDeployed), InvoiceFormat.Hours(s.SignedMinutes), s.TimeReports, s.UnsignedTimeReports));
        foreach (PeriodMinutes m in s.Months)
        {
            Line("  " + m.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), InvoiceFormat.Hours(m.Minutes) + " h");
        }

        long unsignedMinutes = s.MinutesDeployed - s.SignedMinutes;
        Line(CliText.Stats_Unsigned, Format(CliText.Stats_UnsignedValue, InvoiceFormat.Hours(unsignedMinutes), s.UnsignedTimeReports));

        // Seed 000's utilisation (docs/money.md): paid hours against the hours used, and what the unused share bills.
        UtilisationFigures u = s.Utilisation;
        Line(CliText.Stats_PaidHours, Format(CliText.Stats_PaidHoursValue, DecimalHours(u.PaidHours), DecimalHours(u.OtherContractHours)));
        Line(CliText.Stats_AssignmentHours, DecimalHours(u.AssignmentHours) + " h");
        Line(CliText.Stats_UsedShare, Format(CliText.Stats_UsedShareValue, u.UsedPercent is { } used ? Percent(used) : "–", Percent(u.ExpectedPercent)));
        if (u.MissingMonths.Count > 0)
        {
            Line(CliText.Stats_PaidMissing, u.Months.Count == 0 ? CliText.Stats_PaidMissingNone : string.Join(", ", u.MissingMonths.Select(Month)));
        }

        Line(CliText.Stats_BillableHours, DecimalHours(u.BillableHours) + " h");
        Line(CliText.Stats_Compensation, Money(s.Compensation));
        Line(CliText.Stats_Deductions, Money(u.DeductionsKr));
        Line(CliText.Stats_Billable, Money(u.BillableKr));
        Line(CliText.Stats_ExpectedBillable, Money(u.ExpectedBillableKr));
        Line(CliText.Stats_CostPerHour, s.CostPerHour is { } cost ? Money(cost) : "–");

        // The count column: right-aligned, ending where the widest count starts at column 36 or two after the longest reason.
        var counts = rows.Where(r => r.Count).ToList();
        int digits = counts.Select(r => r.Value!.Length).DefaultIfEmpty(1).Max();
        int countEnd = Math.Min(InvoiceFormat.Width, Math.Max(LabelWidth, counts.Select(r => r.Label.Length + 2).DefaultIfEmpty(0).Max()) + digits);

        var sb = new StringBuilder();
        if (NamedTitle(s.From, s.To) is { } named)
        {
            sb.Append(named).Append('\n');
        }

        sb.Append(Format(CliText.Stats_Title, Date(s.From), Date(s.To), Date(s.CountedTo))).Append('\n');
        sb.Append(new string('=', InvoiceFormat.Width)).Append('\n');
        foreach ((string label, string? value, bool count) in rows)
        {
            if (value is null)
            {
                sb.Append(label).Append('\n');
            }
            else if (count && label.Length + 2 + digits <= countEnd)
            {
                sb.Append(label.PadRight(countEnd - digits)).Append(value.PadLeft(digits)).Append('\n');
            }
            else if (!count && label.Length + 2 <= LabelWidth && LabelWidth + value.Length <= InvoiceFormat.Width)
            {
                sb.Append(label.PadRight(LabelWidth)).Append(value).Append('\n');
            }
            else if (count && label.Length + 2 + value.Length <= InvoiceFormat.Width)
            {
                sb.Append(label).Append("  ").Append(value).Append('\n');
            }
            else
            {
                // Too long for one line: the value on the next, in the value column or as far right as it fits.
                sb.Append(label).Append('\n').Append(' ', Math.Max(4, Math.Min(LabelWidth, InvoiceFormat.Width - value.Length))).Append(value).Append('\n');
            }
        }

        return sb.ToString();
    }

    public static string Csv(StatisticsReport s)
    {
        var sb = new StringBuilder();
        void Row(string section, string key, string label, string value) =>
            sb.Append(string.Join(';', new[] { section, key, label, value }.Select(SwedishCsv.Field))).Append("\r\n");
        void Rows(string section, IEnumerable<CountRow> rows)
        {
            foreach (CountRow r in rows)
            {
                Row(section, r.Key, r.Label, r.Count.ToString(CultureInfo.InvariantCulture));
            }
        }

        Row(CliText.Stats_Col_Section, CliText.Stats_Col_Key, CliText.Stats_Col_Label, CliText.Stats_Col_Value);
        Row("period", "from", CliText.Stats_From, Date(s.From));
        Row("period", "to", CliText.Stats_To, Date(s.To));
        Row("period", "countedTo", CliText.Stats_CountedTo, Date(s.CountedTo));
        Row("persons", "current", CliText.Stats_Current, s.CurrentPersons.ToString(CultureInfo.InvariantCulture));
        Row("persons", "women", CliText.Stats_Women, s.Women.ToString(CultureInfo.InvariantCulture));
        Row("persons", "men", CliText.Stats_Men, s.Men.ToString(CultureInfo.InvariantCulture));
        Row("persons", "hoursPerWeekPerPerson", CliText.Stats_HoursPerWeek, Number(s.HoursPerWeekPerPerson, "0.00"));
        Row("hours", "perCase", CliText.Stats_HoursPerCase, Number(s.HoursPerCase, "0.00"));
        Row("persons", "new", CliText.Stats_New, s.NewPersons.ToString(CultureInfo.InvariantCulture));
        Rows("newByReason", s.NewByReason);
        Row("persons", "closed", CliText.Stats_Closed, s.ClosedPersons.ToString(CultureInfo.InvariantCulture));
        Rows("closedByReason", s.ClosedByReason);
        Row("cases", "received", CliText.Stats_Cases, s.CasesReceived.ToString(CultureInfo.InvariantCulture));
        Rows("casesByReason", s.CasesByReason);
        Rows("casesByOutcome", s.CasesByOutcome);
        Row("incidents", "total", CliText.Stats_Incidents, s.IncidentsByKind.Sum(r => r.Count).ToString(CultureInfo.InvariantCulture));
        Rows("incidentsByKind", s.IncidentsByKind);
        Row("complaints", "total", CliText.Stats_Complaints, s.ComplaintsByKind.Sum(r => r.Count).ToString(CultureInfo.InvariantCulture));
        Rows("complaintsByKind", s.ComplaintsByKind);
        Row("complaints", "escalated", CliText.Stats_Escalated, s.ComplaintsEscalated.ToString(CultureInfo.InvariantCulture));
        Row("ivo", "investigationsOpened", CliText.Stats_IvoInvestigations, s.IvoInvestigationsOpened.ToString(CultureInfo.InvariantCulture));
        foreach (InsatsHours h in s.HoursByInsats)
        {
            Row("hoursByInsats", h.Key, h.Label, InvoiceFormat.Hours(h.Minutes));
            Row("personsByInsats", h.Key, h.Label, h.Persons.ToString(CultureInfo.InvariantCulture));
        }

        Row("shortTerm", "days", CliText.Stats_ShortTermDays, s.ShortTermDays.ToString(CultureInfo.InvariantCulture));
        Row("shortTerm", "persons", CliText.Stats_ShortTermPersons, s.ShortTermPersons.ToString(CultureInfo.InvariantCulture));
        foreach (QuarterFigures q in s.Quarters)
        {
            string key = QuarterKey(q.From);
            Row("hoursByQuarter", key, QuarterName(q.From), InvoiceFormat.Hours(q.Minutes));
            Rows("incidentsByQuarter:" + key, q.IncidentsByKind);
            Rows("complaintsByQuarter:" + key, q.ComplaintsByKind);
        }

        Row("response", "medianMinutes", CliText.Stats_ResponseMedian, s.ResponseMedianMinutes is { } m ? Number(m, "0") : "");
        Row("response", "p90Minutes", CliText.Stats_ResponseP90, s.ResponseP90Minutes is { } p ? Number(p, "0") : "");
        Row("response", "cases", CliText.Stats_ResponseCases, s.ResponseSamples.ToString(CultureInfo.InvariantCulture));
        Row("hours", "deployed", CliText.Stats_Hours, InvoiceFormat.Hours(s.MinutesDeployed));
        Row("hours", "signed", CliText.Stats_Signed, InvoiceFormat.Hours(s.SignedMinutes));
        foreach (PeriodMinutes month in s.Months)
        {
            string key = month.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            Row("hoursByMonth", key, key, InvoiceFormat.Hours(month.Minutes));
        }

        Row("hours", "unsigned", CliText.Stats_Unsigned, InvoiceFormat.Hours(s.MinutesDeployed - s.SignedMinutes));
        UtilisationFigures u = s.Utilisation;
        Row("utilisation", "paidHours", CliText.Stats_PaidHours, CsvNumber(u.PaidHours));
        Row("utilisation", "otherContractHours", CliText.Stats_OtherHours, CsvNumber(u.OtherContractHours));
        Row("utilisation", "assignmentHours", CliText.Stats_AssignmentHours, CsvNumber(u.AssignmentHours));
        Row("utilisation", "usedPercent", CliText.Stats_UsedShare, u.UsedPercent is { } used ? CsvNumber(Math.Round(used, 2)) : "");
        Row("utilisation", "expectedPercent", CliText.Stats_ExpectedShare, CsvNumber(Math.Round(u.ExpectedPercent, 2)));
        Row("utilisation", "missingMonths", CliText.Stats_PaidMissing, string.Join(",", u.MissingMonths.Select(Month)));
        Row("utilisation", "billableHours", CliText.Stats_BillableHours, CsvNumber(u.BillableHours));
        Row("cost", "compensation", CliText.Stats_Compensation, s.Compensation.ToString("0", CultureInfo.InvariantCulture));
        Row("cost", "deductions", CliText.Stats_Deductions, u.DeductionsKr.ToString("0", CultureInfo.InvariantCulture));
        Row("cost", "billable", CliText.Stats_Billable, u.BillableKr.ToString("0", CultureInfo.InvariantCulture));
        Row("cost", "expectedBillable", CliText.Stats_ExpectedBillable, u.ExpectedBillableKr.ToString("0", CultureInfo.InvariantCulture));
        Row("cost", "perHour", CliText.Stats_CostPerHour, s.CostPerHour is { } c ? c.ToString("0", CultureInfo.InvariantCulture) : "");
        return sb.ToString();
    }

    /// <summary>
    /// What the period is to its readers: a whole calendar year is the year report to the committee (seed 003, by
    /// 31 March), a whole quarter the quarterly follow-up of resources (seed 004); any other period has none.
    /// </summary>
    public static string? NamedTitle(DateOnly from, DateOnly to)
    {
        if (from.Month == 1 && from.Day == 1 && to == new DateOnly(from.Year, 12, 31))
        {
            return Format(CliText.Stats_YearReportTitle, from.Year, Date(YearReport.Deadline(from.Year)));
        }

        ReportPeriod quarter = ReportPeriod.QuarterOf(from);
        return quarter.From == from && quarter.To == to ? Format(CliText.Stats_QuarterTitle, QuarterName(from)) : null;
    }

    /// <summary>The heading on paper: the report's name, or the period's days.</summary>
    public static string PaperTitle(DateOnly from, DateOnly to) => NamedTitle(from, to) ?? Format(CliText.Pdf_TitleStats, Date(from), Date(to));

    /// <summary>"kvartal 3 2026".</summary>
    private static string QuarterName(DateOnly day) => Format(CliText.Stats_QuarterName, ((day.Month - 1) / 3) + 1, day.Year);

    private static string QuarterKey(DateOnly day) => $"{day.Year}-Q{((day.Month - 1) / 3) + 1}";

    /// <summary>"3: tillbud 2, avvikelse 1", or "0".</summary>
    private static string ByKind(IReadOnlyList<CountRow> rows) =>
        rows.Count == 0 ? "0" : $"{rows.Sum(r => r.Count)}: {string.Join(", ", rows.Select(r => $"{r.Label.ToLower(CultureInfo.CurrentCulture)} {r.Count}"))}";

    /// <summary>"1 h 53 min", "45 min": a time that names its unit (h:mm read as a clock time).</summary>
    private static string Minutes(double minutes) => HandoverText.Duration(TimeSpan.FromMinutes(Math.Round(minutes)));

    private static string Month(DateOnly d) => d.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>"1 234,5": hours to at most two decimals, sv-SE.</summary>
    private static string DecimalHours(decimal hours) => hours.ToString("#,0.##", SwedishCulture.Instance);

    private static string Percent(decimal percent) => percent.ToString("0.0", SwedishCulture.Instance);

    /// <summary>A number as the CSV writes it: decimal comma, no grouping.</summary>
    private static string CsvNumber(decimal value) => value.ToString("0.##", SwedishCulture.Instance);

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value, string format) => value.ToString(format, SwedishCulture.Instance);

    private static string Money(decimal value) => value.ToString("#,0", SwedishCulture.Instance) + " kr";

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
