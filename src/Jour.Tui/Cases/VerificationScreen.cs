using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Cases;

/// <summary>
/// Records one step of the verification: the provider's alternatives exhausted, or a step of the
/// priority order (1 krisbemanningscenter, 2 beredskapspoolen, 3 korttidsplats), when and with what outcome.
/// </summary>
public sealed class VerificationScreen : FormScreen
{
    private const string Exhausted = "exhausted";
    private readonly CaseDetail _case;
    private readonly Action<CaseDetail> _recorded;
    private CaseDetail? _result;

    public VerificationScreen(ShellView shell, CaseDetail detail, Action<CaseDetail> recorded)
        : base(shell, $"verify-{detail.Summary.Id}")
    {
        _case = detail;
        _recorded = recorded;
        Add(new FormField("step", UiText.Verify_Step)
        {
            Choices =
            [
                (Exhausted, Messages.Get("Step_Exhausted")),
                .. Enum.GetValues<PriorityStep>().Select(s => (s.ToString(), Messages.Get("Step_" + s))),
            ],
            Value = NextStep(detail),
        });
        Add(new FormField("at", UiText.Verify_At)
        {
            Value = SwedishTime.FormatClock(shell.UtcNow),
            Validate = v => ParseAt(v).Error,
            Hint = v => ParseAt(v).Utc is { } at ? "→ " + SwedishTime.FormatLocal(at) : UiText.Intake_TimeHint,
        });
        Add(new FormField("outcome", UiText.Verify_Outcome) { Limit = TextLimits.Outcome, Validate = v => v.Trim().Length == 0 ? Messages.Get(ErrorCodes.OutcomeRequired) : null });
        Focus(Field("outcome"));
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.Verify_Title, _case.Summary.Number);

    protected override async Task<string> SubmitAsync()
    {
        string step = Field("step").Value;
        var request = new VerificationRequest(
            _case.Summary.Id,
            step == Exhausted ? null : Enum.Parse<PriorityStep>(step),
            ParseAt(Field("at").Value).Utc!.Value,
            Field("outcome").Value,
            _case.Summary.Revision);
        _result = await Shell.Session.Service.SendAsync(request);
        return _result.Summary.Revision.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result)
    {
        Shell.Pop();
        if (_result is { } detail)
        {
            _recorded(detail);
        }
    }

    /// <summary>The first part of the verification not yet recorded.</summary>
    private static string NextStep(CaseDetail d)
    {
        if (!d.AlternativesExhausted)
        {
            return Exhausted;
        }

        PriorityStep? missing = Enum.GetValues<PriorityStep>().Cast<PriorityStep?>().FirstOrDefault(s => d.Verification.All(v => v.Step != s));
        return (missing ?? PriorityStep.ShortTermPlacement).ToString();
    }

    private (DateTime? Utc, string? Error) ParseAt(string text)
    {
        DateTime now = Shell.UtcNow;
        if (!LocalTimeInput.TryParse(text, SwedishTime.ToLocal(now).Date, null, out DateTime utc, out string error))
        {
            return (null, error);
        }

        // "23:40" typed at 00:10 means yesterday evening: a step is recorded after it happened.
        if (utc > now.AddMinutes(5) && !text.Contains('-', StringComparison.Ordinal) && !text.Contains('/', StringComparison.Ordinal)
            && LocalTimeInput.TryParse(text, SwedishTime.ToLocal(now).Date.PlusDays(-1), null, out DateTime yesterday, out _))
        {
            utc = yesterday;
        }

        return utc > now.AddMinutes(5) ? (null, Messages.Get(ErrorCodes.VerificationInFuture)) : (utc, null);
    }
}
