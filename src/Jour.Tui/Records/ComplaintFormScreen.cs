using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Incidents;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>A complaint or a view: from whom, about what, linked where relevant, the answer and the status.</summary>
public sealed class ComplaintFormScreen : FormScreen
{
    private readonly ComplaintData? _existing;
    private readonly RecordLinks _links;
    private readonly Action? _saved;

    public ComplaintFormScreen(ShellView shell, ComplaintData? existing, Action? saved = null)
        : base(shell, existing is null ? "new-complaint" : $"complaint-{existing.Id}")
    {
        _existing = existing;
        _saved = saved;
        _links = new RecordLinks(shell.Session, existing is null ? null : RecordLinks.OwnCase(existing.CaseId, existing.CaseNumber, existing.ClientName));
        Add(new FormField("kind", UiText.Complaint_Kind) { Choices = RecordLinks.Choices<ComplaintKind>("ComplaintKind_"), Value = (existing?.Kind ?? ComplaintKind.Complaint).ToString() });
        Add(new FormField("from", UiText.Complaint_From) { Limit = TextLimits.Name, Value = existing?.From ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null, Hint = _ => UiText.Complaint_FromHint });
        Add(new FormField("about", UiText.Complaint_About) { Limit = TextLimits.Description, Value = existing?.About ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(LinkField.Create("client", UiText.Record_Client, _links.Clients, existing?.ClientId));
        Add(LinkField.Create("case", UiText.Record_Case, _links.Cases, existing?.CaseId));
        Add(LinkField.Create("assistant", UiText.Record_Assistant, _links.Assistants, existing?.AssistantId));
        Add(new FormField("answer", UiText.Complaint_Answer) { Limit = TextLimits.Description, Value = existing?.Answer ?? "" });
        Add(new FormField("escalated", UiText.Complaint_Escalated) { Limit = TextLimits.Number, Value = Day(existing?.EscalatedOn), Validate = DateField.Optional, Hint = _ => UiText.Complaint_EscalatedHint });
        Add(new FormField("committee-answered", UiText.Complaint_CommitteeAnswered) { Limit = TextLimits.Number, Value = Day(existing?.CommitteeAnsweredOn), Validate = DateField.Optional, Hint = _ => UiText.Date_HintOrEmpty });
        Add(new FormField("status", UiText.Record_Status)
        {
            Choices = RecordLinks.Choices<RecordStatus>("RecordStatus_"),
            Value = (existing?.Status ?? RecordStatus.Open).ToString(),
            Validate = v => v == nameof(RecordStatus.Answered) && Field("answer").Value.Trim().Length == 0 ? UiText.Complaint_AnswerFirst : null,
        });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.Complaint_NewTitle : Format.Text(UiText.Complaint_EditTitle, _existing.Id);

    protected override async Task<string> SubmitAsync()
    {
        var data = new ComplaintData(
            _existing?.Id ?? 0,
            Enum.Parse<ComplaintKind>(Field("kind").Value),
            _existing?.ReceivedUtc ?? default,
            Field("from").Value,
            Field("about").Value,
            LinkField.Id(Field("client"), _links.Clients()),
            LinkField.Id(Field("case"), _links.Cases()),
            LinkField.Id(Field("assistant"), _links.Assistants()),
            Field("answer").Value,
            Enum.Parse<RecordStatus>(Field("status").Value),
            _existing?.Revision ?? 0,
            EscalatedOn: IsoDate.Parse(Field("escalated").Value.Trim()),
            CommitteeAnsweredOn: IsoDate.Parse(Field("committee-answered").Value.Trim()));
        ComplaintData saved = await Shell.Session.Service.SendAsync(new SaveComplaint(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        _saved?.Invoke();
    }

    internal static string Day(DateOnly? day) => day is { } d ? IsoDate.Format(d) : "";
}
