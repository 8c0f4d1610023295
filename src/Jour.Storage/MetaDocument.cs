namespace Jour.Storage;

/// <summary>The single document that describes the database itself.</summary>
public sealed class MetaDocument
{
    public const string SingletonId = "meta";

    public string Id { get; set; } = SingletonId;

    public bool IsDemo { get; set; }

    public DateTime CreatedUtc { get; set; }

    /// <summary>The salted hash of the one-time set-up code while no admin exists; never the code.</summary>
    public string? SetUpCodeHash { get; set; }
}
