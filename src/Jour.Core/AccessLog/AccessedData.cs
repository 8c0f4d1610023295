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

    /// <summary>The month's invoicing basis, written to a file or printed from its screen.</summary>
    InvoiceBasisExport,

    /// <summary>The statistics report, written to a file or printed from its screen.</summary>
    StatisticsExport,

    /// <summary>The access log itself, written to a file or printed from its screen.</summary>
    AccessLogExport,

    /// <summary>A person's register extract (GDPR art. 15): everything kept about the client, to a file or paper.</summary>
    ClientExtract,
}
