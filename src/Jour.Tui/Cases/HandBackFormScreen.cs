using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Cases;

/// <summary>
/// Handing a case back to the provider: why the support ends (the closing reason the follow-up counts)
/// and a comment for the timeline. Saved against the revision the officer saw when they chose it.
/// </summary>
public sealed class HandBackFormScreen : FormScreen
{
    private readonly CaseSummary _case;
    private readonly Action<CaseDetail> _handedBack;
    private CaseDetail? _result;

    public HandBackFormScreen(ShellView shell, CaseSummary summary, Action<CaseDetail> handedBack)
        : base(shell, $"handback-{summary.Id}")
    {
        _case = summary;
        _handedBack = handedBack;
        Add(new FormField("closing", UiText.HandBack_Closing)
        {
            Choices = [("", UiText.HandBack_Choose), .. Enum.GetValues<ClosingReason>().Select(r => (r.ToString(), Messages.Get("Closing_" + r)))],
            Validate = v => v.Length == 0 ? Messages.Get(ErrorCodes.ClosingReasonRequired) : null,
            Hint = _ => UiText.HandBack_Hint,
        });
        Add(new FormField("comment", UiText.HandBack_Comment) { Limit = TextLimits.Reason });
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.HandBack_Title, _case.Number, _case.ClientName);

    protected override async Task<string> SubmitAsync()
    {
        var request = new TransitionRequest(_case.Id, CaseTrigger.HandBack, Field("comment").Value, _case.Revision, Enum.Parse<ClosingReason>(Field("closing").Value));
        _result = await Shell.Session.Service.SendAsync(request);
        return _result.Summary.Revision.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        if (_result is { } detail)
        {
            _handedBack(detail);
        }
    }
}
