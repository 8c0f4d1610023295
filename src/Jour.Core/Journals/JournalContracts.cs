using Jour.Core.AccessLog;
using Jour.Core.Incidents;
using Jour.Core.UseCases;

namespace Jour.Core.Journals;

#pragma warning disable SA1649, CA1711

// Journals, the access log, incidents and complaints as a session sees them. Flat and immutable: JSON on the wire.

/// <summary>
/// A request to read one series of a client's journal. <see cref="Reason"/> is required when the user
/// is not on an open case of the client and is not MAS/MAR (emergency access).
/// </summary>
public sealed record JournalRequest(long ClientId, JournalSeries Series, string Reason) : IRequest<JournalView>;

/// <summary>One journal entry with its author's name resolved.</summary>
public sealed record JournalEntryData(long Id, DateTime AtUtc, string AuthorName, string Text, long? CorrectsId);

/// <summary>
/// One series of one client's journal, never both. When <see cref="ReasonRequired"/> is true nothing was
/// read (and nothing logged): the user must state a reason and ask again.
/// </summary>
public sealed record JournalView(
    long ClientId,
    string ClientName,
    JournalSeries Series,
    bool ReasonRequired,
    AccessBasis? Basis,
    string CaseNumber,
    IReadOnlyList<JournalEntryData> Entries);

/// <summary>A new entry, or with <see cref="CorrectsId"/> a correction of an earlier one in the same series.</summary>
public sealed record JournalEntryRequest(long ClientId, JournalSeries Series, string Text, long? CorrectsId, string Reason) : IRequest<JournalEntryData>;
