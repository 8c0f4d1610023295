namespace Jour.Core.Clients;

public enum RepresentativeKind
{
    /// <summary>God man.</summary>
    Trustee,

    /// <summary>Förvaltare.</summary>
    Administrator,

    /// <summary>Vårdnadshavare.</summary>
    Guardian,

    /// <summary>Anhörig.</summary>
    Relative,
}
