namespace Jour.Core.Staff;

/// <summary>One block or lift of a block, with who, when and why.</summary>
public sealed class BlockEntry
{
    public bool Blocked { get; set; }

    public long UserId { get; set; }

    public DateTime AtUtc { get; set; }

    public string Reason { get; set; } = "";
}
