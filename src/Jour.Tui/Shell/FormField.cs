using Jour.Core.Common;

namespace Jour.Tui.Shell;

/// <summary>
/// One field of a form: typed text, or one of a fixed set of choices. Validation runs as the user
/// types and the message is shown beside the field; nothing typed is ever thrown away.
/// </summary>
public sealed class FormField
{
    public FormField(string name, string label)
    {
        Name = name;
        Label = label;
    }

    /// <summary>The key under which the value is kept in a draft.</summary>
    public string Name { get; }

    public string Label { get; set; }

    /// <summary>The text as typed, or the value of the chosen choice.</summary>
    public string Value { get; set; } = "";

    /// <summary>For a choice field: (value, text shown); Left/Right or typing a letter chooses.</summary>
    public IReadOnlyList<(string Value, string Text)>? Choices { get; set; }

    /// <summary>The Swedish (or English) message for bad input, or null when the value is fine.</summary>
    public Func<string, string?>? Validate { get; set; }

    /// <summary>A line shown under the field while it has focus (matches, what was understood).</summary>
    public Func<string, string>? Hint { get; set; }

    /// <summary>Called after every change of <see cref="Value"/>.</summary>
    public Action<FormField>? Changed { get; set; }

    public string Error { get; set; } = "";

    /// <summary>
    /// Several lines of text (the handover's notes): Enter starts a new line, the field is drawn over as many
    /// rows as its text needs (wrapped), and ↓ or Tab leaves it.
    /// </summary>
    public bool MultiLine { get; set; }

    /// <summary>
    /// A pick list: the registered clients, assistants or cases that match what is being typed, each as the
    /// text that names it in full. Typing filters, arrows choose, Enter takes.
    /// </summary>
    public Func<string, IReadOnlyList<string>>? Picks { get; set; }

    /// <summary>A comma-separated list field: a pick completes the entry after the last comma.</summary>
    public bool PicksOneOfMany { get; set; }

    /// <summary>What is being typed: the whole value, or a list's last entry.</summary>
    public string Typing => (PicksOneOfMany ? Value[(Value.LastIndexOf(',') + 1)..] : Value).Trim();

    /// <summary>The matches to choose from now; none once what is typed names one of them in full.</summary>
    public IReadOnlyList<string> OpenPicks()
    {
        if (Picks is null || Typing.Length == 0)
        {
            return [];
        }

        // One match needs no list: the hint names it, and leaving the field takes it (CompleteUnique).
        IReadOnlyList<string> picks = Picks(Typing);
        return picks.Count <= 1 || picks.Any(p => string.Equals(p, Typing, StringComparison.CurrentCultureIgnoreCase)) ? [] : picks;
    }

    /// <summary>When what is typed matches exactly one, the field takes it in full; true when it did.</summary>
    public bool CompleteUnique()
    {
        if (Picks is null || Typing.Length == 0 || Picks(Typing) is not [var only] || string.Equals(only, Typing, StringComparison.CurrentCultureIgnoreCase))
        {
            return false;
        }

        Value = WithPick(only);
        return true;
    }

    /// <summary>The value with <paramref name="pick"/> taken for what is being typed.</summary>
    public string WithPick(string pick)
    {
        int comma = PicksOneOfMany ? Value.LastIndexOf(',') : -1;
        return comma < 0 ? pick : Value[..(comma + 1)] + " " + pick;
    }

    /// <summary>
    /// The most the field takes (<see cref="TextLimits"/>): typing stops there with the limit's message. By
    /// default a draft field's limit, so no form makes a draft the server would refuse; set per field.
    /// </summary>
    public TextLimit Limit { get; set; } = TextLimits.DraftField;

    /// <summary>The text shown for the value.</summary>
    public string Shown => Choices is { } choices
        ? choices.FirstOrDefault(c => c.Value == Value).Text ?? ""
        : Value;

    public bool Check()
    {
        // A value that came in longer (an old record, a draft) says so before it is sent.
        Error = !Limit.Fits(Value) ? Limit.Message : Validate?.Invoke(Value) ?? "";
        return Error.Length == 0;
    }

    /// <summary>Moves to the previous or next choice.</summary>
    public void Cycle(int step)
    {
        if (Choices is not { Count: > 0 } choices)
        {
            return;
        }

        int index = Math.Max(0, choices.ToList().FindIndex(c => c.Value == Value));
        Value = choices[(index + step + choices.Count) % choices.Count].Value;
    }

    /// <summary>Chooses the next choice whose text starts with <paramref name="letter"/>.</summary>
    public bool ChooseByLetter(char letter)
    {
        if (Choices is not { Count: > 0 } choices)
        {
            return false;
        }

        int start = Math.Max(0, choices.ToList().FindIndex(c => c.Value == Value));
        for (int i = 1; i <= choices.Count; i++)
        {
            var candidate = choices[(start + i) % choices.Count];
            if (candidate.Text.StartsWith(letter.ToString(), StringComparison.CurrentCultureIgnoreCase))
            {
                Value = candidate.Value;
                return true;
            }
        }

        return false;
    }
}
