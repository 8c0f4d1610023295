namespace Jour.Core.AccessLog;

/// <summary>On what ground a read was allowed.</summary>
public enum AccessBasis
{
    /// <summary>The user is on an open case of the client (named in the entry).</summary>
    OnCase,

    /// <summary>MAS/MAR.</summary>
    MedicalResponsible,

    /// <summary>Emergency access with a stated reason; highlighted for review.</summary>
    Emergency,

    /// <summary>A register: opening the client form or the staff form.</summary>
    Register,

    /// <summary>Data taken out of Jour (a file or paper); the entry's reason says where to.</summary>
    Export,
}
