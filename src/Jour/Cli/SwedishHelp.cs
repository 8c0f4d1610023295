using System.Collections;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// <c>--help</c> in the user's language (issue 18). The parser writes its help with English headings
/// ("Usage:", "Options:", "[default: …]") and no way to replace them, so Jour writes the help itself from
/// the same command tree: the command's description, usage, arguments, options (its own, then those it
/// takes from the commands above it) and subcommands, wrapped at the terminal's width.
/// </summary>
internal sealed class SwedishHelp : SynchronousCommandLineAction
{
    private const int MaxWidth = 100;

    /// <summary>Puts this help on <paramref name="root"/>'s help option, and Swedish text on the help and version options.</summary>
    public static void Apply(RootCommand root)
    {
        foreach (Option option in root.Options)
        {
            switch (option)
            {
                case HelpOption help:
                    help.Description = CliText.Help_HelpOption;
                    help.Action = new SwedishHelp();
                    break;
                case VersionOption version:
                    version.Description = CliText.Help_VersionOption;
                    break;
            }
        }
    }

    public override int Invoke(ParseResult parseResult)
    {
        Write(parseResult.CommandResult.Command, parseResult.InvocationConfiguration.Output);
        return 0;
    }

    /// <summary>The help of <paramref name="command"/>, as <c>--help</c> prints it.</summary>
    public static void Write(Command command, TextWriter output)
    {
        int width = Math.Min(MaxWidth, Console.IsOutputRedirected ? MaxWidth : Math.Max(40, SafeWindowWidth()));
        List<Command> path = Path(command);
        if (!string.IsNullOrWhiteSpace(command.Description))
        {
            output.WriteLine(CliText.Help_Description);
            foreach (string line in Wrap(command.Description, width - 2))
            {
                output.WriteLine("  " + line);
            }

            output.WriteLine();
        }

        var usage = new List<string> { string.Join(" ", path.Select(c => c.Name)) };
        usage.AddRange(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>"));
        if (command.Subcommands.Any(c => !c.Hidden))
        {
            usage.Add(CliText.Help_CommandPlaceholder);
        }

        usage.Add(CliText.Help_OptionsPlaceholder);
        output.WriteLine(CliText.Help_Usage);
        output.WriteLine("  " + string.Join(" ", usage));
        output.WriteLine();

        Section(output, width, CliText.Help_Arguments, command.Arguments.Where(a => !a.Hidden).Select(a => ($"<{a.HelpName ?? a.Name}>", Described(a.Description, a.HasDefaultValue ? a.GetDefaultValue() : null))));
        IEnumerable<Option> options = command.Options.Concat(path.SkipLast(1).SelectMany(c => c.Options.Where(o => o.Recursive))).Where(o => !o.Hidden).Distinct();
        Section(output, width, CliText.Help_Options, options.Select(o => (OptionLabel(o), Described(o.Description, o.HasDefaultValue ? o.GetDefaultValue() : null))));
        Section(output, width, CliText.Help_Commands, command.Subcommands.Where(c => !c.Hidden).Select(c => (CommandLabel(c), c.Description ?? "")));
    }

    private static void Section(TextWriter output, int width, string heading, IEnumerable<(string Label, string Text)> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return;
        }

        int column = Math.Min(list.Max(r => r.Label.Length) + 4, width / 2);
        output.WriteLine(heading);
        foreach ((string label, string text) in list)
        {
            var lines = Wrap(text, Math.Max(20, width - column)).ToList();
            if (label.Length + 4 > column)
            {
                output.WriteLine("  " + label);
                lines.ForEach(l => output.WriteLine(new string(' ', column) + l));
                continue;
            }

            for (int i = 0; i < lines.Count; i++)
            {
                output.WriteLine((i == 0 ? "  " + label : "").PadRight(column) + lines[i]);
            }
        }

        output.WriteLine();
    }

    // "--format <json|text>", "-?, -h, --help", "--data-dir <data-dir>": what may follow an option, named.
    private static string OptionLabel(Option option)
    {
        string names = string.Join(", ", option.Aliases.Append(option.Name).Where(n => !n.StartsWith('/')).Distinct().OrderBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal));
        if (option.Arity.MaximumNumberOfValues == 0 || option.ValueType == typeof(bool))
        {
            return names;
        }

        string[] values = [.. option.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];
        string value = option.HelpName ?? (values.Length > 0 ? string.Join("|", values) : option.Name.TrimStart('-'));
        return $"{names} <{value}>";
    }

    private static string CommandLabel(Command command) =>
        string.Join(" ", new[] { command.Name }.Concat(command.Arguments.Where(a => !a.Hidden).Select(a => $"<{a.HelpName ?? a.Name}>")));

    private static string Described(string? description, object? defaultValue)
    {
        string text = description ?? "";
        string? shown = defaultValue switch
        {
            null or false => null,
            string s when s.Length == 0 => null,
            IEnumerable e and not string => e.Cast<object>().Any() ? string.Join(", ", e.Cast<object>()) : null,
            _ => Convert.ToString(defaultValue, System.Globalization.CultureInfo.InvariantCulture),
        };
        return shown is null ? text : $"{text} {CliText.Help_DefaultPrefix}{shown}]".Trim();
    }

    private static IEnumerable<string> Wrap(string text, int width) => Jour.Core.Common.TextWrap.Lines(text, width);

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return MaxWidth;
        }
    }

    private static List<Command> Path(Command command)
    {
        var path = new List<Command> { command };
        for (Command? at = command.Parents.OfType<Command>().FirstOrDefault(); at is not null; at = at.Parents.OfType<Command>().FirstOrDefault())
        {
            path.Insert(0, at);
        }

        return path;
    }
}
