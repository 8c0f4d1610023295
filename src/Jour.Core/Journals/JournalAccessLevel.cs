namespace Jour.Core.Journals;

/// <summary>What a user may do with a client's journal.</summary>
public enum JournalAccessLevel
{
    /// <summary>No role at all: no access, not even with a reason.</summary>
    Refused,

    /// <summary>Emergency access: allowed with a stated reason, which is logged and highlighted for review.</summary>
    ReasonRequired,

    /// <summary>On an open case of the client, or MAS/MAR.</summary>
    Granted,
}
