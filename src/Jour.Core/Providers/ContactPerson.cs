namespace Jour.Core.Providers;

/// <summary>Someone at a provider the officer can call.</summary>
public sealed class ContactPerson
{
    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";
}
