namespace Jour.Core.Clients;

/// <summary>Someone who speaks for the client (företrädare), with how to reach them.</summary>
public sealed class Representative
{
    public RepresentativeKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>The full number, twelve digits; empty when not registered. Needed to sign a time report for the client.</summary>
    public string PersonalNumber { get; set; } = "";

    /// <summary>A god man, förvaltare or vårdnadshavare with a registered number may sign for the client; a relative may not.</summary>
    public bool MaySign => Kind is not RepresentativeKind.Relative && PersonalNumber.Length > 0;

    /// <summary>A copy (every member is a value or a string).</summary>
    public Representative Copy() => (Representative)MemberwiseClone();
}
