using Jour.Core.UseCases;

namespace Jour.Core.Handover;

#pragma warning disable SA1649

// The handover as a session sees it. Flat and immutable: these travel over the socket as JSON.

/// <summary>
/// Compose the handover at <see cref="AtUtc"/> (now when null): the summary or the 72-hour continuity
/// printout, on A4 pages or as plain lines, addresses only when asked for.
/// </summary>
public sealed record HandoverRequest(DateTime? AtUtc, bool WithAddresses, bool Continuity, bool Paged) : IRequest<HandoverView>;

/// <summary>A composed handover: the text (lines joined by '\n', form feeds between pages when paged) and who it is between.</summary>
public sealed record HandoverView(DateTime AtUtc, DateTime PeriodFromUtc, string? OutgoingName, string? IncomingName, DateTime? HandOffUtc, string Text);

/// <summary>The signed-in officer hands over now, with these notes.</summary>
public sealed record HandoverNotesRequest(string Notes) : IRequest<HandoverRecordData>;

/// <summary>A stored handover with names resolved; <see cref="Text"/> is the summary as it was handed over.</summary>
public sealed record HandoverRecordData(
    long Id,
    DateTime PeriodFromUtc,
    DateTime PeriodToUtc,
    string OutgoingName,
    string? IncomingName,
    string Notes,
    string Text,
    DateTime CreatedUtc,
    string? AcknowledgedByName,
    DateTime? AcknowledgedUtc);
