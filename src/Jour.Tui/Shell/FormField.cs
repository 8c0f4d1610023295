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
