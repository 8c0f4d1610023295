namespace Jour.Core.Clients;

/// <summary>Legal sex as derived from the personnummer, for the statistics the council asks for.</summary>
public enum Sex
{
    Unknown,
    Female,
    Male,
}
