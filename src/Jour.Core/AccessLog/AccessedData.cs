namespace Jour.Core.AccessLog;

/// <summary>What sensitive data a user saw.</summary>
public enum AccessedData
{
    JournalSol,
    JournalLss,

    /// <summary>The client form: the full personnummer and the access note (door codes, keys).</summary>
    PersonalNumberAndAccessNote,

    /// <summary>The staff form: a standby assistant's full personnummer.</summary>
    AssistantPersonalNumber,
}
