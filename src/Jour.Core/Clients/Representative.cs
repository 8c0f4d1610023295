namespace Jour.Core.Clients;

/// <summary>Someone who speaks for the client (företrädare), with how to reach them.</summary>
public sealed class Representative
{
    public RepresentativeKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";
}
