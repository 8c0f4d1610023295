using System.Collections.Immutable;

namespace Jour.Core.Cases;

/// <summary>
/// A case as the board lists it, immutable: the store keeps the open cases' rows between reads and hands the
/// same rows to every reader, which none of them can change. <see cref="Uncovered"/> holds the need windows
/// with fewer confirmed assistants than they need, earliest first.
/// </summary>
public sealed record CaseRow(
    long Id,
    string Number,
    CaseState State,
    Urgency Urgency,
    long ClientId,
    long? ProviderId,
    DateTime ReceivedUtc,
    int Revision,
    ImmutableArray<CaseRow.Window> Uncovered,
    DateTime? SmsYesUtc = null)
{
    /// <summary>The row of <paramref name="c"/> as it stands.</summary>
    public static CaseRow Of(Case c) => new(
        c.Id,
        c.Number,
        c.State,
        c.Urgency,
        c.ClientId,
        c.ProviderId,
        c.ReceivedUtc,
        c.Revision,
        [.. c.Needs.Where(w => !w.IsCovered).OrderBy(w => w.FromUtc).Select(w => new Window(w.FromUtc, w.ToUtc))],
        c.SmsYesUtc);

    /// <summary>The earliest window of the next 24 hours that still lacks assistants, as <see cref="Case.NextUncoveredWindow"/> finds it.</summary>
    public Window? NextUncoveredWindow(DateTime nowUtc)
    {
        foreach (Window w in Uncovered)
        {
            if (NeedWindow.WithinNextDay(w.FromUtc, w.ToUtc, nowUtc))
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>A need window's time span.</summary>
    public readonly record struct Window(DateTime FromUtc, DateTime ToUtc);
}
