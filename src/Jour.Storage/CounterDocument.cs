namespace Jour.Storage;

/// <summary>A named sequence, e.g. case numbers per year, advanced inside the transaction that uses it.</summary>
public sealed class CounterDocument
{
    public string Id { get; set; } = "";

    public long Value { get; set; }
}
