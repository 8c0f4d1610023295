using System.Globalization;
using Jour.Core.Common;

namespace Jour.Core.Cases;

/// <summary>
/// The codes a timeline entry is stored with, and their rendering. An entry keeps a message code and its
/// arguments as plain values (ids, names and free text as typed, UTC instants in ISO 8601, enum names,
/// invariant numbers), so that whoever reads it sees it in their own language (<see cref="CultureInfo.CurrentUICulture"/>),
/// not in the language of whoever started the server. Only this class knows how each code's arguments are
/// shown: times in Stockholm time, enum names by their messages. An entry stored before codes (issue 17)
/// has only its text, shown as stored.
/// </summary>
public static class TimelineText
{
    /// <summary>A case was opened; the reason (<see cref="CaseReason"/>).</summary>
    public const string CaseOpened = "Timeline_CaseOpened";

    /// <summary>A case of the demo was opened; no arguments.</summary>
    public const string DemoCaseOpened = "Demo_CaseOpened";

    /// <summary>A note; its text as typed.</summary>
    public const string Note = "Timeline_Note";

    /// <summary>A transition; the reason or comment as typed (may be empty).</summary>
    public const string Transition = "Timeline_Transition";

    /// <summary>A hand-back; why the support ended (<see cref="ClosingReason"/>) and the comment as typed (may be empty).</summary>
    public const string HandedBack = "Timeline_HandedBack";

    /// <summary>Every window of the next 24 hours staffed after a change of deployments; no arguments.</summary>
    public const string CoverageReached = "Coverage_MarkCovered";

    /// <summary>A window of the next 24 hours without assistants after a change of deployments; no arguments.</summary>
    public const string CoverageLost = "Coverage_GapAppeared";

    /// <summary>A verification step; the step (<see cref="PriorityStep"/>, or <see cref="Exhausted"/>), when (UTC), the outcome as typed.</summary>
    public const string Verification = "Timeline_Verification";

    /// <summary>The verification step's argument for the statement that the provider's alternatives are exhausted.</summary>
    public const string Exhausted = "Exhausted";

    /// <summary>A deployment sent or moved; the assistant's name, from and to (UTC), its state (<c>DeploymentState</c>).</summary>
    public const string Deployment = "Timeline_Deployment";

    /// <summary>
    /// A deployment beyond the need; the assistant's name, from and to (UTC), its state, how many it makes,
    /// how many the window needs, the officer's reason as typed.
    /// </summary>
    public const string DeploymentOverstaffed = "Timeline_DeploymentOverstaffed";

    /// <summary>An assistant was blocked and their deployment must be replaced; the assistant's name.</summary>
    public const string Replacement = "Timeline_Replacement";

    /// <summary>Time reported; from and to (UTC), the hours worked (invariant number).</summary>
    public const string TimeReport = "Timeline_TimeReport";

    /// <summary>A time report signed by the assistant; the signer's name from the register.</summary>
    public const string SignedAssistant = "Timeline_SignedAssistant";

    /// <summary>A time report signed by the client or a representative; the signer's name from the register.</summary>
    public const string SignedClient = "Timeline_SignedClient";

    /// <summary>A call-out by SMS; how many were asked, the window's from and to (UTC).</summary>
    public const string CallOutStarted = "Timeline_CallOutStarted";

    /// <summary>The case's open call-outs withdrawn; no arguments.</summary>
    public const string CallOutWithdrawn = "Timeline_CallOutWithdrawn";

    /// <summary>A text sent; the assistant's name, the number (E.164), its kind (<c>SmsKind</c>), the reply code.</summary>
    public const string SmsSent = "Timeline_SmsSent";

    /// <summary>A text that could not leave (queued); the name, the number, its kind, the fault's message key.</summary>
    public const string SmsFailed = "Timeline_SmsFailed";

    /// <summary>A reply; the name, the number, "yes" or "no", the reply code.</summary>
    public const string SmsReply = "Timeline_SmsReply";

    /// <summary>A reply not understood; the name, the number, the text's start.</summary>
    public const string SmsUnclear = "Timeline_SmsUnclear";

    /// <summary>A yes after the window was filled or withdrawn; the name.</summary>
    public const string SmsLate = "Timeline_SmsLate";

    public const string SmsYesTaken = "Timeline_SmsYesTaken";

    /// <summary>A text sent reached the phone (the provider's delivery report); the name, its kind (<c>SmsKind</c>), when (UTC).</summary>
    public const string SmsDelivered = "Timeline_SmsDelivered";

    /// <summary>A text sent could not be delivered (the provider's report); the name, its kind (<c>SmsKind</c>).</summary>
    public const string SmsUndelivered = "Timeline_SmsUndelivered";

    /// <summary>A yes that could not be taken; the name, the refusal's message code, its arguments joined by U+001F.</summary>
    public const string SmsIneligible = "Timeline_SmsIneligible";

    private const string InstantFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";

    /// <summary>An instant as a stored argument: ISO 8601 in UTC.</summary>
    public static string Instant(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString(InstantFormat, CultureInfo.InvariantCulture);

    /// <summary>A number as a stored argument.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>
    /// The entry's text in the current UI culture: its code's message with its arguments shown, or, for an
    /// entry stored before codes (<paramref name="code"/> null), <paramref name="storedText"/> as it was stored.
    /// </summary>
    public static string Render(string? code, IReadOnlyList<string>? args, string? storedText)
    {
        if (code is null)
        {
            return storedText ?? "";
        }

        args ??= [];
        string Arg(int i) => i < args.Count ? args[i] : "";
        return code switch
        {
            CaseOpened => Messages.Format(code, [Messages.Get("Reason_" + Arg(0))]),
            Note or Transition => Arg(0),
            HandedBack => Arg(1).Length == 0
                ? Messages.Get("Closing_" + Arg(0))
                : Messages.Format(code, [Messages.Get("Closing_" + Arg(0)), Arg(1)]),
            Verification => Messages.Format(code, [Messages.Get("Step_" + Arg(0)), Local(Arg(1)), Arg(2)]),
            Deployment => Messages.Format(code, [Arg(0), Span(Arg(1), Arg(2)), Messages.Get("Deployment_" + Arg(3))]),
            DeploymentOverstaffed => Messages.Format(code, [Arg(0), Span(Arg(1), Arg(2)), Messages.Get("Deployment_" + Arg(3)), Arg(4), Arg(5), Arg(6)]),
            TimeReport => Messages.Format(code, [Span(Arg(0), Arg(1)), Hours(Arg(2))]),
            CallOutStarted => Messages.Format(code, [Arg(0), Span(Arg(1), Arg(2))]),
            SmsSent => Messages.Format(code, [Arg(0), Arg(1), Messages.Get("SmsKind_" + Arg(2)), Arg(3)]),
            SmsFailed => Messages.Format(code, [Arg(0), Arg(1), Messages.Get("SmsKind_" + Arg(2)), Messages.Get(Arg(3))]),
            SmsReply => Messages.Format(code, [Arg(0), Arg(1), Messages.Get("SmsAnswer_" + Arg(2)), Arg(3)]),
            SmsDelivered => Messages.Format(code, [Arg(0), Messages.Get("SmsKind_" + Arg(1)), Clock(Arg(2))]),
            SmsUndelivered => Messages.Format(code, [Arg(0), Messages.Get("SmsKind_" + Arg(1))]),
            SmsIneligible => Messages.Format(code, [Arg(0), Messages.Format(Arg(1), Arg(2).Length == 0 ? [] : Arg(2).Split('\u001f'))]),
            _ => Messages.Format(code, args),
        };
    }

    /// <summary>"2026-11-23 22:00–07:00": from in Stockholm date and time, to as its clock.</summary>
    private static string Span(string fromUtc, string toUtc) =>
        TryInstant(fromUtc, out DateTime from) && TryInstant(toUtc, out DateTime to)
            ? $"{SwedishTime.FormatLocal(from)}–{SwedishTime.FormatClock(to)}"
            : $"{fromUtc}–{toUtc}";

    private static string Clock(string utc) => TryInstant(utc, out DateTime at) ? SwedishTime.FormatClock(at) : utc;

    private static string Local(string utc) => TryInstant(utc, out DateTime at) ? SwedishTime.FormatLocal(at) : utc;

    // Hours as elsewhere in the application: with the Swedish decimal comma whatever the UI language.
    private static string Hours(string invariant) =>
        double.TryParse(invariant, NumberStyles.Float, CultureInfo.InvariantCulture, out double hours)
            ? hours.ToString("0.##", SwedishCulture.Instance)
            : invariant;

    private static bool TryInstant(string text, out DateTime utc) =>
        DateTime.TryParseExact(text, InstantFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out utc);
}
