using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>
/// An optional link to a client, a case or an assistant, typed as part of a name (or number): empty
/// links nothing, otherwise the words must pick exactly one of the items; the hint shows what they pick.
/// </summary>
internal static class LinkField
{
    public static FormField Create(string name, string label, Func<IReadOnlyList<(long Id, string Text)>> items, long? initial)
    {
        string text = initial is { } id ? items().FirstOrDefault(i => i.Id == id).Text ?? "" : "";
        return new FormField(name, label)
        {
            Value = text,
            Validate = v => Resolve(items(), v).Error,
            Hint = v => Resolve(items(), v).Hint,
            Picks = typed => [.. Matching(items(), typed).Select(i => i.Text)],
        };
    }

    private static List<(long Id, string Text)> Matching(IReadOnlyList<(long Id, string Text)> items, string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return [.. items.Where(i => words.All(w => i.Text.Contains(w, StringComparison.CurrentCultureIgnoreCase)))];
    }

    public static long? Id(FormField field, IReadOnlyList<(long Id, string Text)> items) => Resolve(items, field.Value).Id;

    public static (long? Id, string? Error, string Hint) Resolve(IReadOnlyList<(long Id, string Text)> items, string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return (null, null, UiText.Link_Optional);
        }

        var matches = Matching(items, text);
        var exact = matches.Where(i => string.Equals(i.Text, text.Trim(), StringComparison.CurrentCultureIgnoreCase)).ToList();
        if (exact.Count == 1)
        {
            matches = exact;
        }

        return matches.Count switch
        {
            0 => (null, UiText.Link_NoMatch, UiText.Link_NoMatch),
            1 => (matches[0].Id, null, "→ " + matches[0].Text),
            _ => (null, Format.Text(UiText.Link_Many, matches.Count), string.Join(", ", matches.Take(6).Select(m => m.Text))),
        };
    }
}
