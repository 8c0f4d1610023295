using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Incidents;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Records;

/// <summary>
/// Incidents and complaints together (Alt+I), the newest first. An incident that must go on to MAS
/// (lex Maria) or to the responsible manager (lex Sarah) and has not is marked ! and says so.
/// N a new incident, K a new complaint, Enter opens one, B offers to block the assistant an incident names.
/// </summary>
public sealed class RecordsScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly ListModel<RecordRow> _list = new(r => $"{Kind(r)} {r.ClientName} {Status(r)} {r.Summary}");
    private string _error = "";
    private bool _shown;

    public RecordsScreen(ShellView shell)
    {
        _shell = shell;
    }

    public string Title => UiText.Screen_Records;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("records.open", "Enter", UiText.Help_Records_Open, UiText.Hint_Open, () =>
        {
            var row = _list.Current!;
            _shell.Push(
                row.Incident is { } i ? new IncidentFormScreen(_shell, i, saved: Reload)
                : row.Investigation is { } v ? new IvoInvestigationFormScreen(_shell, v, Reload)
                : new ComplaintFormScreen(_shell, row.Complaint, Reload));
        }, () => _list.Current is null ? UiText.Register_NothingSelected : null),
        ScreenCommand.Of("records.new-incident", "N", UiText.Help_Records_NewIncident, UiText.Hint_NewIncident, () => _shell.Push(new IncidentFormScreen(_shell, null, saved: Reload))),
        ScreenCommand.Of("records.new-complaint", "K", UiText.Help_Records_NewComplaint, UiText.Hint_NewComplaint, () => _shell.Push(new ComplaintFormScreen(_shell, null, Reload))),
        ScreenCommand.Of("records.new-ivo", "V", UiText.Help_Records_NewIvo, UiText.Hint_NewIvo, () => _shell.Push(new IvoInvestigationFormScreen(_shell, null, Reload)), () =>
            (_shell.Session.Session.Roles & (Role.MedicalResponsible | Role.Coordinator | Role.Admin)) == 0 ? UiText.Ivo_NotPermitted : null),
        ScreenCommand.Of("records.block", "B", UiText.Help_Records_Block, null, () => IncidentFormScreen.OfferBlock(_shell, _list.Current!.Incident!, Reload), () =>
            _list.Current?.Incident is { AssistantId: not null, AssistantBlocked: false } ? null : UiText.Records_NothingToBlock),
        ScreenCommand.Of("records.mas", "M", UiText.Help_Records_Mas, UiText.Hint_Mas, () => _shell.Push(new IncidentMasScreen(_shell, _list.Current!.Incident!)), () =>
            _list.Current?.Incident is null ? UiText.Records_NotAnIncident : null),
        ScreenCommand.ListFilter(),
        ScreenCommand.Of("records.reload", "R", UiText.Help_Case_Reload, null, Reload),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    public IReadOnlyList<RecordRow> Visible => _list.Visible;

    /// <summary>Refreshes once the screen has been shown.</summary>
    public void Reload()
    {
        if (_shown)
        {
            Load();
        }
    }

    private void Load() =>
        _shell.RunInBackground(
            async () => (
                await _shell.Session.Service.SendAsync(new GetIncidents()),
                await _shell.Session.Service.SendAsync(new GetComplaints()),
                await _shell.Session.Service.SendAsync(new GetIvoInvestigations())),
            lists =>
            {
                _error = "";
                _list.SetRows(
                    [
                        .. lists.Item1.Select(i => new RecordRow(i, null))
                            .Concat(lists.Item2.Select(c => new RecordRow(null, c)))
                            .Concat(lists.Item3.Select(v => new RecordRow(null, null, v)))
                            .OrderByDescending(r => r.AtUtc),
                    ],
                    (a, b) => a.Key == b.Key);
            },
            error => _error = error);

    public void Draw(Canvas canvas)
    {
        if (!_shown)
        {
            _shown = true;
            Load();
        }

        if (_error.Length > 0)
        {
            canvas.Line(0, "! " + _error);
            return;
        }

        int investigations = _list.Visible.Count(r => r.Investigation is not null);
        canvas.Line(0, Format.Text(UiText.Records_Heading, _list.Visible.Count(r => r.Incident is not null), _list.Visible.Count(r => r.Complaint is not null))
            + (investigations > 0 ? Format.Text(UiText.Records_HeadingIvo, investigations) : "")
            + (_list.Filter.Length > 0 ? "   " + Format.Text(UiText.Board_Filter, _list.Filter) : ""));
        canvas.Line(1, _list.Current is { } current ? Detail(current) : "", highlight: _list.Current?.NeedsReport == true);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_When, 12, r => Format.When(r.AtUtc, _shell.UtcNow)),
                (UiText.Col_Kind, 20, Kind),
                (UiText.Col_Client, 16, r => r.ClientName),
                (UiText.Col_Status, 11, Status),
                (UiText.Col_What, 40, r => r.Summary),
            ],
            firstRow: 2,
            r => r.NeedsReport);
    }

    public bool HandleKey(Key key)
    {
        if (_list.Navigate(key, _shell.ContentRows - 3))
        {
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    private static string Kind(RecordRow r) =>
        r.Incident is { } i ? Messages.Get("IncidentKind_" + i.Kind)
        : r.Investigation is not null ? UiText.Ivo_Kind
        : Messages.Get("ComplaintKind_" + r.Complaint!.Kind);

    private static string Status(RecordRow r) =>
        r.Investigation is { } v ? Messages.Get("RecordStatus_" + (v.IsClosed ? RecordStatus.Closed : RecordStatus.Investigating))
        : Messages.Get("RecordStatus_" + (r.Incident?.Status ?? r.Complaint!.Status));

    private string Detail(RecordRow r)
    {
        if (r.Investigation is { } v)
        {
            // Seed 000: the operator tells the beställare on its own initiative; until then it says so in words.
            return v.CommissionerToldOn is { } told
                ? Format.Text(UiText.Ivo_Told, IsoDate.Format(told)) + (v.ClosedOn is { } closed ? "  " + Format.Text(UiText.Ivo_ClosedDetail, IsoDate.Format(closed), v.Outcome) : "")
                : "! " + UiText.Ivo_NotTold;
        }

        if (r.Complaint is { } c)
        {
            string answer = c.Answer.Length > 0 ? Format.Text(UiText.Complaint_AnsweredDetail, c.Answer) : UiText.Complaint_NotAnswered;
            string committee = c.EscalatedOn is { } escalated
                ? "  " + Format.Text(UiText.Complaint_EscalatedDetail, IsoDate.Format(escalated), c.CommitteeAnsweredOn is { } answered ? IsoDate.Format(answered) : UiText.Complaint_CommitteeNotYet)
                : "";
            return Format.Text(UiText.Complaint_Detail, c.From, answer) + committee;
        }

        IncidentData i = r.Incident!;
        string who = i.AssistantName.Length > 0 ? Format.Text(UiText.Incident_AssistantDetail, i.AssistantName) + (i.AssistantBlocked ? " " + UiText.Blocked_Yes : "") + "  " : "";
        string report = i.ReportTo switch
        {
            IncidentRecipient.MedicalResponsible => i.MasNotifiedUtc is { } at
                ? Format.Text(UiText.Incident_MasTold, Format.When(at, _shell.UtcNow), i.MasNotifiedByName)
                : "! " + UiText.Incident_MasNotTold,
            IncidentRecipient.ResponsibleManager => i.ManagerNotifiedUtc is { } at
                ? Format.Text(UiText.Incident_ManagerTold, Format.When(at, _shell.UtcNow), i.ManagerNotifiedByName)
                : "! " + UiText.Incident_ManagerNotTold,
            _ => i.MasNotifiedUtc is { } at ? Format.Text(UiText.Incident_MasTold, Format.When(at, _shell.UtcNow), i.MasNotifiedByName) : "",
        };
        return who + report;
    }
}

/// <summary>One row of the records screen: an incident, a complaint, or an IVO investigation of the operation.</summary>
public sealed record RecordRow(IncidentData? Incident, ComplaintData? Complaint, IvoInvestigationData? Investigation = null)
{
    public string Key => Incident is { } i ? $"i{i.Id}" : Investigation is { } v ? $"v{v.Id}" : $"c{Complaint!.Id}";

    public DateTime AtUtc => Incident?.OccurredUtc ?? (Investigation is { } v ? ReportPeriod.StartOf(v.OpenedOn) : Complaint!.ReceivedUtc);

    public string ClientName => Incident?.ClientName ?? Complaint?.ClientName ?? "";

    public string Summary => Incident?.Description ?? (Investigation is { } v ? $"{v.Reference}: {v.Subject}" : Complaint!.About);

    /// <summary>Lex Maria or lex Sarah and the one it must go to has not been told; an IVO investigation the beställare has not been told of.</summary>
    public bool NeedsReport => Incident is { } i
        ? i.ReportTo switch
        {
            IncidentRecipient.MedicalResponsible => !i.MasNotified,
            IncidentRecipient.ResponsibleManager => !i.ManagerNotified,
            _ => false,
        }
        : Investigation is { CommissionerToldOn: null };
}
