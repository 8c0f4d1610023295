using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Roster;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;

namespace Jour.Tui.Roster;

/// <summary>
/// A cover on the on-call duty: who, from, to, why. Starts filled in with the selected row (from now if
/// it has begun) and the signed-in officer. Short enough that it keeps no draft.
/// </summary>
public sealed class OverrideFormScreen : FormScreen
{
    public OverrideFormScreen(ShellView shell, RosterRow? selected)
        : base(shell, "")
    {
        DateTime now = shell.UtcNow;
        DateTime from = selected is { } row && row.StartUtc > now ? row.StartUtc : now;
        DateTime to = selected is { } r && r.EndUtc > from ? r.EndUtc : from.AddHours(12);
        SessionInfo me = shell.Session.Session;
        Add(new FormField("officer", UiText.Override_Officer)
        {
            Choices = [.. shell.Session.Officers.Select(o => (o.Id.ToString(CultureInfo.InvariantCulture), o.Name))],
            Value = (me.Roles.HasFlag(Role.OnCallOfficer) ? me.UserId : (shell.Session.Officers.Count > 0 ? shell.Session.Officers[0].Id : 0)).ToString(CultureInfo.InvariantCulture),
            Validate = v => shell.Session.Officers.Any(o => o.Id.ToString(CultureInfo.InvariantCulture) == v) ? null : UiText.Form_Required,
        });
        Add(new FormField("from", UiText.Override_From)
        {
            Value = SwedishTime.FormatLocal(from),
            Validate = v => ParseFrom(v).Error,
            Hint = v => ParseFrom(v).Error is null ? UiText.Override_PastHint : UiText.Intake_TimeHint,
        });
        Add(new FormField("to", UiText.Override_To)
        {
            Value = SwedishTime.FormatLocal(to),
            Validate = v => ParseTo(v).Error,
            Hint = _ => UiText.Intake_TimeHint,
        });
        Add(new FormField("reason", UiText.Override_Reason) { Limit = TextLimits.Reason, Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
    }

    public override string Title => UiText.Override_Title;

    protected override async Task<string> SubmitAsync()
    {
        var request = new OverrideRequest(
            long.Parse(Field("officer").Value, CultureInfo.InvariantCulture),
            ParseFrom(Field("from").Value).Utc!.Value,
            ParseTo(Field("to").Value).Utc!.Value,
            Field("reason").Value);
        OnCallSlot saved = await Shell.Session.Service.SendAsync(request);
        return saved.OverrideId.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
        Shell.Pop();
    }

    private LocalDate Today => SwedishTime.ToLocal(Shell.UtcNow).Date;

    private (DateTime? Utc, string? Error) ParseFrom(string text) =>
        LocalTimeInput.TryParse(text, Today, null, out DateTime utc, out string error) ? (utc, null) : (null, error);

    private (DateTime? Utc, string? Error) ParseTo(string text)
    {
        if (ParseFrom(Field("from").Value).Utc is not { } from)
        {
            return (null, UiText.Intake_FromFirst);
        }

        return LocalTimeInput.TryParse(text, Today, from, out DateTime utc, out string error) ? (utc, null) : (null, error);
    }
}
