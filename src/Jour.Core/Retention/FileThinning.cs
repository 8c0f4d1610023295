using Jour.Core.Journals;

namespace Jour.Core.Retention;

/// <summary>
/// One batch of personal files to thin under one rule: the clients' entries of <paramref name="Series"/> and, for
/// the LSS file, their cases' timelines. The store thins a client's file only when it still holds nothing written
/// at or after <paramref name="LastEntryBeforeUtc"/> (and, with the timelines, no open case): a note added since
/// the plan makes the file not due.
/// </summary>
public sealed record FileThinning(string Rule, JournalSeries Series, bool CaseTimelines, DateTime LastEntryBeforeUtc, IReadOnlyList<long> ClientIds);
