using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;
using NodaTime.Text;

namespace Jour.Tui.Roster;

/// <summary>
/// A new version of the officer rotation: who, in what order, how the duty is handed on, and from when.
/// Filled in with the version ruling now; saving never changes who was on call before the new version
/// starts (a start in the past counts from now).
/// </summary>
public sealed class RotationFormScreen : FormScreen
{
    private static readonly LocalDatePattern s_date = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM-dd");
    private static readonly LocalTimePattern s_time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private readonly RotationData? _current;

    public RotationFormScreen(ShellView shell, RotationData? current)
        : base(shell, "rotation")
    {
        _current = current;
        IReadOnlyList<OfficerSummary> officers = shell.Session.Officers;
        LocalDate today = SwedishTime.ToLocal(shell.UtcNow).Date;
        Add(new FormField("name", UiText.Rotation_Name) { Limit = TextLimits.Name, Value = current?.Name ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("officers", UiText.Rotation_Officers)
        {
            Value = string.Join(", ", (current?.OfficerIds ?? []).Select(id => officers.FirstOrDefault(o => o.Id == id)?.Name ?? "?")),
            Validate = v => ParseOfficers(v).Error,
            Hint = _ => Format.Text(UiText.Rotation_OfficersHint, string.Join(", ", officers.Select(o => o.Name))),
        });
        Add(new FormField("pattern", UiText.Rotation_Pattern)
        {
            Choices = [.. Enum.GetValues<RotationPattern>().Select(p => (p.ToString(), Messages.Get("RotationPattern_" + p)))],
            Value = (current?.Pattern ?? RotationPattern.Weekly).ToString(),
        });
        Add(new FormField("start", UiText.Rotation_Start)
        {
            Value = s_date.Format(current is null ? today : LocalDate.FromDateOnly(current.StartDate)),
            Validate = v => s_date.Parse(v.Trim()).Success ? null : Messages.Get("Time_Format"),
            Hint = _ => UiText.Rotation_StartHint,
        });
        Add(new FormField("day", UiText.Rotation_Day)
        {
            Choices = [.. Enumerable.Range(1, 7).Select(i => (DayOfWeek)(i % 7)).Select(d => (d.ToString(), SwedishCulture.Instance.DateTimeFormat.GetDayName(d)))],
            Value = (current?.HandOffDay ?? DayOfWeek.Monday).ToString(),
        });
        Add(new FormField("times", UiText.Rotation_Times)
        {
            Value = string.Join(", ", (current?.HandOffTimes ?? [new TimeOnly(8, 0)]).Select(t => t.ToString("HH:mm", CultureInfo.InvariantCulture))),
            Validate = v => ParseTimes(v) is null ? Messages.Get(ErrorCodes.RotationTimesInvalid) : null,
            Hint = _ => UiText.Rotation_TimesHint,
        });
        Add(new FormField("from", UiText.Rotation_ValidFrom)
        {
            Value = SwedishTime.FormatLocal(shell.UtcNow),
            Validate = v => LocalTimeInput.TryParse(v, today, null, out _, out string error) ? null : error,
            Hint = _ => UiText.Override_PastHint,
        });
        RestoreDraft();
    }

    public override string Title => UiText.Rotation_Title;

    protected override async Task<string> SubmitAsync()
    {
        LocalDate today = SwedishTime.ToLocal(Shell.UtcNow).Date;
        LocalTimeInput.TryParse(Field("from").Value, today, null, out DateTime from, out _);
        var data = new RotationData(
            0,
            Field("name").Value,
            ParseOfficers(Field("officers").Value).Ids,
            Enum.Parse<RotationPattern>(Field("pattern").Value),
            s_date.Parse(Field("start").Value.Trim()).Value.ToDateOnly(),
            Enum.Parse<DayOfWeek>(Field("day").Value),
            ParseTimes(Field("times").Value) ?? [],
            from,
            "",
            default);
        RotationData saved = await Shell.Session.Service.SendAsync(new SaveRotation(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Pop();
    }

    /// <summary>Officer names in rotation order; each must be someone who can be on call.</summary>
    private (IReadOnlyList<long> Ids, string? Error) ParseOfficers(string text)
    {
        var ids = new List<long>();
        foreach (string name in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            OfficerSummary? officer = Shell.Session.Officers.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.CurrentCultureIgnoreCase));
            if (officer is null)
            {
                return ([], Format.Text(UiText.Rotation_NoSuchOfficer, name));
            }

            ids.Add(officer.Id);
        }

        return ids.Count == 0 ? ([], UiText.Form_Required) : (ids, null);
    }

    private static List<TimeOnly>? ParseTimes(string text)
    {
        var times = new List<TimeOnly>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            ParseResult<LocalTime> parsed = s_time.Parse(part.Replace('.', ':'));
            if (!parsed.Success)
            {
                return null;
            }

            times.Add(parsed.Value.ToTimeOnly());
        }

        return times.Count == 0 ? null : times;
    }
}
