using Jour.Core.Common;

namespace Jour.Core.Hygiene;

/// <summary>
/// A self-check (egenkontroll) of one standby assistant's following of the basic hygiene routines (seed 000).
/// Kept as recorded: only the follow-up's done day is written later, once.
/// </summary>
public sealed class HygieneCheck
{
    public long Id { get; set; }

    public long AssistantId { get; set; }

    /// <summary>The day of the check (yyyy-MM-dd, Swedish time).</summary>
    public string CheckedOn { get; set; } = "";

    public long CheckedBy { get; set; }

    public DateTime RecordedUtc { get; set; }

    public List<HygieneItemResult> Items { get; set; } = [];

    public string Note { get; set; } = "";

    /// <summary>What is to be done when an item is not followed; null when every item is.</summary>
    public HygieneFollowUp? FollowUp { get; set; }
}

/// <summary>One routine's result: <see cref="Item"/> is a key of <see cref="HygieneRoutines.Items"/>.</summary>
public sealed class HygieneItemResult
{
    public string Item { get; set; } = "";

    public bool Followed { get; set; }
}

public sealed class HygieneFollowUp
{
    public string Action { get; set; } = "";

    /// <summary>yyyy-MM-dd.</summary>
    public string DueOn { get; set; } = "";

    /// <summary>yyyy-MM-dd; empty until done.</summary>
    public string DoneOn { get; set; } = "";

    public long DoneBy { get; set; }
}

/// <summary>The checklist and when an assistant is due for a new check.</summary>
public static class HygieneRoutines
{
    public const int DefaultIntervalMonths = 12;

    public const int MaxIntervalMonths = 60;

    /// <summary>
    /// The basic hygiene routines (basala hygienrutiner) checked, as keys: the text shown is the UI's resource
    /// <c>Hygiene_Item_{key}</c>, so a stored check keeps meaning the same routine whatever the wording.
    /// </summary>
    public static readonly IReadOnlyList<string> Items =
    [
        "HandDisinfection", "NoJewellery", "ShortNails", "WorkClothes", "Gloves", "PlasticApron",
    ];

    /// <summary>The last day the latest check counts: a new check is due the day after.</summary>
    public static DateOnly ValidUntil(DateOnly checkedOn, int intervalMonths) => checkedOn.AddMonths(intervalMonths).AddDays(-1);

    /// <summary>Due with no check at all, or when the latest one is older than the interval on <paramref name="today"/>.</summary>
    public static bool IsDue(IEnumerable<HygieneCheck> checks, DateOnly today, int intervalMonths) =>
        Latest(checks) is not { } latest || ValidUntil(latest, intervalMonths) < today;

    public static DateOnly? Latest(IEnumerable<HygieneCheck> checks) =>
        checks.Select(c => IsoDate.Parse(c.CheckedOn)).Where(d => d is not null).Max();
}
