using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.CallOuts;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>`jour callout CASE [--window N] [--count N]`, `jour callout --status CASE` and `jour callout --withdraw CASE` (issue 21).</summary>
internal static class CallOutCommand
{
    public const int DefaultCount = 5;

    /// <summary>Starts a call-out, shows its status, or withdraws it (a yes after that gets a polite no).</summary>
    public static async Task<int> RunAsync(JourPaths paths, string reference, int? window, int count, CallOutAction action, string format, TextWriter output, CancellationToken cancellationToken)
    {
        var caseRequest = ListCommands.CaseRequest(reference);
        if (window is < 1)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.CallOut_BadWindow, window));
        }

        bool status = action != CallOutAction.Start;

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        CaseDetail detail = caseRequest switch
        {
            GetCaseByNumber byNumber => await service.SendAsync(byNumber, cancellationToken),
            GetCase byId => await service.SendAsync(byId, cancellationToken),
            _ => throw new InvalidOperationException(),
        };
        long caseId = detail.Summary.Id;
        CallOutStatus answer = action switch
        {
            CallOutAction.Status => await service.SendAsync(new CallOutStatusRequest(caseId), cancellationToken),
            CallOutAction.Withdraw => await service.SendAsync(new WithdrawCallOut(caseId), cancellationToken),
            _ => await service.SendAsync(new StartCallOut(caseId, window - 1, count), cancellationToken),
        };
        if (format == "json")
        {
            await output.WriteLineAsync(Json(answer));
            return 0;
        }

        await output.WriteAsync(Text(detail.Summary.Number, answer, started: !status));
        if (action == CallOutAction.Withdraw && answer.Lines.Count > 0)
        {
            await output.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.CallOut_Withdrawn, detail.Summary.Number));
        }

        return !status && answer.Fault is not null ? 3 : 0;
    }

    /// <summary>
    /// A list of objects: to (E.164 as sent), name, sent_at, delivered (true, false when it could not be delivered,
    /// null while unknown), answer (yes/no/null), deployment_state (proposed/confirmed/null) and more.
    /// </summary>
    public static string Json(CallOutStatus status) =>
        JsonSerializer.Serialize(
            [.. status.Lines.Select(l => new CallOutLineOutput(l.To, l.Name, l.SentAtUtc, l.Answer, l.DeploymentState, l.Code, l.Open, l.Refusal, l.Fault is { } f ? Messages.Get(f) : null, l.Delivered))],
            CliJsonContext.Default.IReadOnlyListCallOutLineOutput);

    public static string Text(string number, CallOutStatus status, bool started)
    {
        var text = new System.Text.StringBuilder();
        if (status.Lines.Count == 0)
        {
            text.AppendLine(string.Format(CultureInfo.CurrentCulture, CliText.CallOut_None, number));
            return text.ToString();
        }

        string[] header = [CliText.CallOut_ColName, CliText.CallOut_ColTo, CliText.CallOut_ColCode, CliText.CallOut_ColSent, CliText.CallOut_ColDelivered, CliText.CallOut_ColAnswer, CliText.CallOut_ColDeployment];
        text.Append(ListCommands.Table(header, status.Lines.Select(l => new[]
        {
            l.Name,
            l.To,
            l.Code,
            l.SentAtUtc is { } at ? SwedishTime.FormatLocal(at) : l.Fault is not null ? CliText.CallOut_Queued : "…",
            l.Delivered switch { true => CliText.CallOut_Delivered, false => CliText.CallOut_Undelivered, null => l.SentAtUtc is null ? "" : "…" },
            l.Answer switch { "yes" => Messages.Get("SmsAnswer_yes"), "no" => Messages.Get("SmsAnswer_no"), _ => l.Open ? "–" : CliText.CallOut_Closed },
            (l.DeploymentState is { } s ? Messages.Get("Deployment_" + Capital(s)) : "") + (l.Refusal is { } r ? "! " + r : ""),
        })));
        if (status.Fault is { } fault)
        {
            text.AppendLine(Messages.Get(fault));
        }
        else if (started)
        {
            text.AppendLine(string.Format(CultureInfo.CurrentCulture, CliText.CallOut_Sent, status.Lines.Count(l => l.SentAtUtc is not null)));
        }

        return text.ToString();
    }

    private static string Capital(string state) => state switch
    {
        "onsite" => "OnSite",
        _ => char.ToUpperInvariant(state[0]) + state[1..],
    };
}

/// <summary>What `jour callout` does with the case.</summary>
internal enum CallOutAction
{
    Start,
    Status,
    Withdraw,
}

/// <summary>One line of `jour callout --status --format json`.</summary>
internal sealed record CallOutLineOutput(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("sent_at")] DateTime? SentAt,
    [property: JsonPropertyName("answer")] string? Answer,
    [property: JsonPropertyName("deployment_state")] string? DeploymentState,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("open")] bool Open,
    [property: JsonPropertyName("refusal")] string? Refusal,
    [property: JsonPropertyName("fault")] string? Fault,
    [property: JsonPropertyName("delivered")] bool? Delivered);
