using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Incidents;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using NodaTime;

namespace Jour.Tui.Records;

/// <summary>
/// An incident (tillbud, avvikelse, lex Maria, lex Sarah): what happened, to whom, which assistant, who
/// was told. Marking MAS or the manager as told stamps the time on the server. Saving an incident that
/// names an assistant who is not blocked offers to block them at once.
/// </summary>
public sealed class IncidentFormScreen : FormScreen
{
    private readonly IncidentData? _existing;
    private readonly RecordLinks _links;
    private readonly Action? _saved;
    private IncidentData? _result;

    public IncidentFormScreen(ShellView shell, IncidentData? existing, long? clientId = null, long? caseId = null, Action? saved = null)
        : base(shell, existing is null ? (caseId is { } c ? $"new-incident-{c}" : "new-incident") : $"incident-{existing.Id}")
    {
        _existing = existing;
        _saved = saved;
        _links = new RecordLinks(shell.Session, existing is null ? null : RecordLinks.OwnCase(existing.CaseId, existing.CaseNumber, existing.ClientName));
        Add(new FormField("kind", UiText.Incident_Kind)
        {
            Choices = RecordLinks.Choices<IncidentKind>("IncidentKind_"),
            Value = (existing?.Kind ?? IncidentKind.Deviation).ToString(),
            Hint = v => Messages.Get("Recipient_" + Incident.ReportTo(Enum.Parse<IncidentKind>(v))),
        });
        Add(new FormField("occurred", UiText.Incident_Occurred)
        {
            Value = SwedishTime.FormatLocal(existing?.OccurredUtc ?? shell.UtcNow),
            Validate = v => ParseTime(v).Error,
            Hint = _ => UiText.Intake_TimeHint,
        });
        Add(LinkField.Create("client", UiText.Record_Client, _links.Clients, existing?.ClientId ?? clientId));
        Add(LinkField.Create("case", UiText.Record_Case, _links.Cases, existing?.CaseId ?? caseId));
        Add(LinkField.Create("assistant", UiText.Record_Assistant, _links.Assistants, existing?.AssistantId));
        Add(new FormField("description", UiText.Incident_Description) { Limit = TextLimits.Description, Value = existing?.Description ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("actions", UiText.Incident_Actions) { Limit = TextLimits.Description, Value = existing?.Actions ?? "" });
        Add(new FormField("status", UiText.Record_Status) { Choices = RecordLinks.Choices<RecordStatus>("RecordStatus_"), Value = (existing?.Status ?? RecordStatus.Open).ToString() });
        Add(new FormField("mas", UiText.Incident_MasNotified)
        {
            Choices = RecordLinks.YesNo(UiText.Yes, UiText.No),
            Value = existing?.MasNotified == true ? "ja" : "nej",
            Hint = _ => existing?.MasNotifiedUtc is { } at ? Format.Text(UiText.Incident_NotifiedAt, SwedishTime.FormatLocal(at), existing.MasNotifiedByName) : UiText.Incident_NotifyHint,
        });
        Add(new FormField("manager", UiText.Incident_ManagerNotified)
        {
            Choices = RecordLinks.YesNo(UiText.Yes, UiText.No),
            Value = existing?.ManagerNotified == true ? "ja" : "nej",
            Hint = _ => existing?.ManagerNotifiedUtc is { } at ? Format.Text(UiText.Incident_NotifiedAt, SwedishTime.FormatLocal(at), existing.ManagerNotifiedByName) : UiText.Incident_NotifyHint,
        });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Incident_NewTitle : Format.Text(UiText.Incident_EditTitle, _existing.Id);

    protected override async Task<string> SubmitAsync()
    {
        var data = new IncidentData(
            _existing?.Id ?? 0,
            Enum.Parse<IncidentKind>(Field("kind").Value),
            ParseTime(Field("occurred").Value).Utc ?? Shell.UtcNow,
            LinkField.Id(Field("client"), _links.Clients()),
            LinkField.Id(Field("case"), _links.Cases()),
            LinkField.Id(Field("assistant"), _links.Assistants()),
            Field("description").Value,
            Field("actions").Value,
            Enum.Parse<RecordStatus>(Field("status").Value),
            Field("mas").Value == "ja",
            Field("manager").Value == "ja",
            _existing?.Revision ?? 0);
        _result = await Shell.Session.Service.SendAsync(new SaveIncident(data));
        return _result.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved?.Invoke();
        if (_result is { AssistantId: { } assistant, AssistantBlocked: false } saved && assistant != _existing?.AssistantId)
        {
            OfferBlock(Shell, saved, _saved);
        }
    }

    /// <summary>The incident names an assistant who is not blocked: block them now, with a reason (Esc: no).</summary>
    internal static void OfferBlock(ShellView shell, IncidentData incident, Action? after)
    {
        string reason = $"{Messages.Get("IncidentKind_" + incident.Kind)} #{incident.Id.ToString(CultureInfo.InvariantCulture)}";
        shell.Prompt.Open(
            Format.Text(UiText.Incident_BlockPrompt, incident.AssistantName),
            text => shell.RunInBackground(
                () => shell.Session.Service.SendAsync(new BlockRequest(incident.AssistantId!.Value, true, text)),
                _ =>
                {
                    shell.Prompt.Close();
                    shell.Session.RefreshInBackground(() => shell.UtcNow);
                    after?.Invoke();
                },
                error => shell.Prompt.Error = error),
            initial: reason);
    }

    private LocalDate Today => SwedishTime.ToLocal(Shell.UtcNow).Date;

    private (DateTime? Utc, string? Error) ParseTime(string text) =>
        LocalTimeInput.TryParse(text, Today, null, out DateTime utc, out string error) ? (utc, null) : (null, error);
}
