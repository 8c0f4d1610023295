using System.Collections.Immutable;
using Jour.Core.Cases;

namespace Jour.Storage;

/// <summary>
/// The open cases as the store keeps them between reads: the cases themselves, which no reader gets (each
/// gets its own copy), and their board rows, which are immutable and handed to every reader as they are.
/// </summary>
internal sealed class KeptCases(IReadOnlyList<Case> cases)
{
    private readonly ImmutableArray<Case> _cases = [.. cases];

    /// <summary>The rows, boxed once: every reader gets the same immutable list.</summary>
    public IReadOnlyList<CaseRow> Rows { get; } = ImmutableArray.CreateRange(cases.Select(CaseRow.Of));

    /// <summary>A copy of every kept case, the caller's own.</summary>
    public List<Case> Copies()
    {
        var copies = new List<Case>(_cases.Length);
        foreach (Case c in _cases)
        {
            copies.Add(c.Copy());
        }

        return copies;
    }
}
