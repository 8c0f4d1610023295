namespace Jour.Core.Retention;

/// <summary>
/// What the store knows of one client's records, for the retention rules: when each file was last written and how
/// much is in it. The LSS file is the LSS series and the client's case timelines; its last entry is the newest of
/// both (and of the cases' own dates).
/// </summary>
public sealed record ClientRecordDates(
    long ClientId,
    string PersonalIdentityNumber,
    DateTime? LastSolUtc,
    int SolEntries,
    DateTime? LastLssUtc,
    int LssEntries,
    int CaseEvents,
    bool HasOpenCase);
