using System.Globalization;
using System.Text.Json.Serialization;
using Jour.Core.Cases;
using Jour.Core.Common;

namespace Jour.Cli;

/// <summary>
/// A case as `jour case --format json` writes it (snake_case, as `jour contract list` does): states and urgency
/// by their stable names with the session's words beside them, times in ISO 8601 UTC, the timeline newest last.
/// </summary>
internal sealed record CaseOutput(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("number")] string Number,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("state_text")] string StateText,
    [property: JsonPropertyName("urgency")] string Urgency,
    [property: JsonPropertyName("urgency_text")] string UrgencyText,
    [property: JsonPropertyName("client")] string Client,
    [property: JsonPropertyName("provider")] string Provider,
    [property: JsonPropertyName("received")] string Received,
    [property: JsonPropertyName("verified")] bool Verified,
    [property: JsonPropertyName("needs")] IReadOnlyList<NeedOutput> Needs,
    [property: JsonPropertyName("timeline")] IReadOnlyList<TimelineOutput> Timeline)
{
    public static CaseOutput Of(CaseDetail detail)
    {
        CaseSummary s = detail.Summary;
        return new CaseOutput(
            s.Id,
            s.Number,
            s.State.ToString(),
            Messages.Get("State_" + s.State),
            s.Urgency.ToString(),
            Messages.Get("Urgency_" + s.Urgency),
            s.ClientName,
            s.ProviderName,
            Iso(s.ReceivedUtc),
            detail.IsVerified,
            [.. detail.Needs.Select(n => new NeedOutput(Iso(n.FromUtc), Iso(n.ToUtc), n.Assistants, n.Confirmed, n.Competences))],
            [.. detail.Timeline.OrderBy(e => e.AtUtc).ThenBy(e => e.Id).Select(e => new TimelineOutput(Iso(e.AtUtc), e.UserName, e.From?.ToString(), e.To?.ToString(), e.Render()))]);
    }

    /// <summary>UTC as the wire carries it, written with its Z whatever kind the deserialiser gave.</summary>
    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

/// <summary>A need window in <see cref="CaseOutput"/>.</summary>
internal sealed record NeedOutput(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("assistants")] int Assistants,
    [property: JsonPropertyName("confirmed")] int Confirmed,
    [property: JsonPropertyName("competences")] IReadOnlyList<string> Competences);

/// <summary>A timeline entry in <see cref="CaseOutput"/>: its text rendered in the session's language.</summary>
internal sealed record TimelineOutput(
    [property: JsonPropertyName("at")] string At,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("from")] string? From,
    [property: JsonPropertyName("to")] string? To,
    [property: JsonPropertyName("text")] string Text);
