using System.Globalization;
using System.Resources;

namespace Jour.Core.Common;

/// <summary>Localised domain messages (Swedish by default, English available).</summary>
public static class Messages
{
    private static readonly ResourceManager s_resources =
        new("Jour.Core.Resources.Messages", typeof(Messages).Assembly);

    // A refusal is composed on the server and read in the session, whose language may differ: an argument
    // that is itself a message (a state's name, what someone else did) travels as its code, not its text.
    private const char NestedStart = '\u001E';
    private const char NestedSeparator = '\u001F';

    /// <summary>The text for <paramref name="code"/> in the current UI culture, with its arguments filled in.</summary>
    public static string Format(string code, IReadOnlyList<string> args)
    {
        string? template = s_resources.GetString(code, CultureInfo.CurrentUICulture);
        if (template is null)
        {
            return code;
        }

        return args.Count == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, [.. args.Select(Expand)]);
    }

    /// <summary>
    /// A message as an argument of another, rendered where the outer one is (in the reader's language) rather
    /// than here. Plain keys (a state's name) take no arguments.
    /// </summary>
    public static string Nested(string code, params IReadOnlyList<string> args) =>
        string.Join(NestedSeparator, [NestedStart + code, .. args.Select(a => a.Length > 0 && a[0] == NestedStart ? a : Plain(a))]);

    /// <summary>
    /// A timeline entry (its code and arguments) as an argument of another message, rendered in the reader's
    /// language and shortened to <paramref name="maxLength"/>.
    /// </summary>
    public static string NestedTimelineEntry(string code, IReadOnlyList<string> args, int maxLength) =>
        Nested(TimelineEntryKey, [maxLength.ToString(CultureInfo.InvariantCulture), code, .. args]);

    private const string TimelineEntryKey = "@timeline";

    // Typed text may hold anything; the two marks must not split it.
    private static string Plain(string text) => text.Replace(NestedStart, ' ').Replace(NestedSeparator, ' ');

    private static object Expand(string arg)
    {
        if (arg.Length == 0 || arg[0] != NestedStart)
        {
            return arg;
        }

        string[] parts = arg[1..].Split(NestedSeparator);
        if (parts[0] == TimelineEntryKey && parts.Length >= 3)
        {
            string said = Cases.TimelineText.Render(parts[2], parts[3..], null);
            int max = int.Parse(parts[1], CultureInfo.InvariantCulture);
            return said.Length > max ? said[..max] + "…" : said;
        }

        return parts.Length == 1 ? Get(parts[0]) : Format(parts[0], parts[1..]);
    }

    /// <summary>The text for a plain key such as a state or reason name.</summary>
    public static string Get(string key) => s_resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
