using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Reports;

/// <summary>F1 on F6: each formula of docs/money.md written out with the period's own numbers.</summary>
public static class ReportsExplanation
{
    public static IReadOnlyList<string> Lines(StatisticsReport s)
    {
        UtilisationFigures u = s.Utilisation;
        var lines = new List<string> { Format.Text(UiText.Explain_Title, Date(s.From), Date(s.CountedTo)), UiText.Explain_Used };
        if (u.UsedPercent is { } used)
        {
            lines.Add("  " + Format.Text(UiText.Explain_UsedValue, Hours(u.AssignmentHours), Hours(u.OtherContractHours), Hours(u.PaidHours), Percent(used), Percent(u.ExpectedPercent)));
            lines.Add(Format.Text(UiText.Explain_BillableHours, Hours(u.PaidHours), Hours(u.PaidHours - u.BillableHours), Hours(u.BillableHours)));
            lines.Add(UiText.Explain_Billable);
            foreach (UtilisationMonth m in u.Months)
            {
                decimal share = (m.UsedPercent ?? 0m) / 100m;
                lines.Add("  " + Format.Text(UiText.Explain_BillableMonth, m.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Kr(m.CompensationKr), share.ToString("0.######", SwedishCulture.Instance), Kr(m.DeductionsKr), Kr(m.BillableKr)));
            }

            lines.Add("  " + Format.Text(UiText.Explain_BillableSum, Whole(u.BillableKr), Whole(u.ExpectedBillableKr)));
        }
        else
        {
            lines.Add("  " + UiText.Explain_UsedNone);
        }

        if (u.MissingMonths.Count > 0 && u.Months.Count > 0)
        {
            lines.Add(Format.Text(UiText.Explain_Missing, string.Join(", ", u.MissingMonths.Select(m => m.ToString("yyyy-MM", CultureInfo.InvariantCulture)))));
        }

        string cost = s.CostPerHour is { } c ? Whole(c) + " kr" : "–";
        lines.Add(Format.Text(UiText.Explain_Cost, Whole(s.Compensation) + " kr", Hours(s.MinutesDeployed / 60m) + " h", cost));
        lines.Add(Format.Text(UiText.Explain_Unsigned, Hours((s.MinutesDeployed - s.SignedMinutes) / 60m)));
        lines.Add(Format.Text(UiText.Explain_PerWeek, s.HoursPerWeekPerPerson.ToString("0.0", SwedishCulture.Instance)));
        lines.Add("");
        return lines;
    }

    private static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Hours(decimal hours) => Math.Round(hours, 2).ToString("#,0.##", SwedishCulture.Instance);

    private static string Percent(decimal percent) => percent.ToString("0.0", SwedishCulture.Instance);

    private static string Kr(decimal kr) => kr.ToString("#,0.00", SwedishCulture.Instance);

    private static string Whole(decimal kr) => kr.ToString("#,0", SwedishCulture.Instance);
}
