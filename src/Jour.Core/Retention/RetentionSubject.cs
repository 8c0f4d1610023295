namespace Jour.Core.Retention;

/// <summary>What a retention rule applies to.</summary>
public enum RetentionSubject
{
    /// <summary>A client's SoL journal series: the social-services personal file.</summary>
    SolFile,

    /// <summary>A client's LSS journal series and the timelines of the client's cases (personal assistance is an LSS insats).</summary>
    LssFile,

    /// <summary>Half-filled forms kept on the server.</summary>
    Draft,

    /// <summary>Entries of the access log, each on its own.</summary>
    AccessLog,
}
