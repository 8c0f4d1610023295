using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// The parser's refusals in the user's language (issue 18): each line names the command, the argument or
/// option, and what it expects. Read from the parse result's structure, never from the parser's English text.
/// </summary>
internal static class ParseErrors
{
    /// <summary>One line per refusal, in the order the user typed; empty when the command line parsed.</summary>
    public static IReadOnlyList<string> Render(ParseResult parse)
    {
        var lines = new List<string>();
        if (parse.Action is not ParseErrorAction && parse.Action != parse.CommandResult.Command.Action)
        {
            // --help or --version: the parser's own action, whatever else was typed.
            return lines;
        }

        lines.AddRange(OptionsTakenAsArguments(parse));
        if (lines.Count > 0)
        {
            // What follows an unknown option (its value, taken as one argument too many) is no second refusal.
            return lines;
        }

        bool tokensDone = false;
        foreach (ParseError error in parse.Errors)
        {
            string? line = error.SymbolResult switch
            {
                OptionResult option => Option(option),
                ArgumentResult argument => Argument(argument),
                CommandResult command when parse.UnmatchedTokens.Count > 0 => tokensDone ? null : Unmatched(parse, command.Command, ref tokensDone),
                CommandResult command => Format(CliText.Parse_MissingCommand, PathOf(command), Subcommands(command.Command)),
                _ => Format(CliText.Parse_Other, "jour", string.Join(" ", parse.Tokens.Select(t => t.Value))),
            };
            if (line is not null && !lines.Contains(line))
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    // The parser hands a command's argument any token it does not know, so `jour case --bogus` would look a case
    // "--bogus" up: a token that reads as an option is refused as one the command lacks.
    private static IEnumerable<string> OptionsTakenAsArguments(ParseResult parse)
    {
        string path = PathOf(parse.CommandResult);
        foreach (Argument argument in parse.CommandResult.Command.Arguments)
        {
            if (parse.GetResult(argument) is not { } result)
            {
                continue;
            }

            foreach (Token token in result.Tokens)
            {
                if (token.Value.Length > 1 && token.Value[0] == '-' && !char.IsAsciiDigit(token.Value[1]))
                {
                    yield return Format(CliText.Parse_UnknownOption, path, token.Value);
                }
            }
        }
    }

    private static string Option(OptionResult result)
    {
        Option option = result.Option;
        string command = PathOf(result.Parent as CommandResult);
        if (result.Implicit)
        {
            return Format(CliText.Parse_Missing, option.Name, command, Described(option, option.ValueType));
        }

        if (result.Tokens.Count == 0)
        {
            return option.Arity.MaximumNumberOfValues == 0
                ? Format(CliText.Parse_Other, command, option.Name)
                : Format(CliText.Parse_NoValue, option.Name, Expected(option, option.ValueType));
        }

        if (result.Tokens.Count > option.Arity.MaximumNumberOfValues)
        {
            return Format(CliText.Parse_Once, option.Name);
        }

        return Format(CliText.Parse_BadValue, option.Name, Values(result), Expected(option, option.ValueType));
    }

    private static string Argument(ArgumentResult result)
    {
        Argument argument = result.Argument;
        string name = $"<{argument.Name}>";
        if (result.Tokens.Count == 0)
        {
            return Format(CliText.Parse_Missing, name, PathOf(result.Parent as CommandResult), Described(argument, argument.ValueType));
        }

        return Format(CliText.Parse_BadValue, name, Values(result), Expected(argument, argument.ValueType));
    }

    // Unmatched tokens all belong to the innermost command: an option it lacks, a subcommand it lacks, or one argument too many.
    private static string Unmatched(ParseResult parse, Command command, ref bool done)
    {
        done = true;
        string path = PathOf(parse.CommandResult);
        var lines = new List<string>();
        foreach (string token in parse.UnmatchedTokens)
        {
            if (token.Length > 1 && token[0] == '-')
            {
                lines.Add(Format(CliText.Parse_UnknownOption, path, token));
            }
            else if (command.Subcommands.Count > 0 && command.Arguments.Count == 0)
            {
                lines.Add(Format(CliText.Parse_UnknownCommand, path, token, Subcommands(command)));
            }
            else
            {
                string takes = command.Arguments.Count == 0 ? CliText.Parse_NoArguments : string.Join(" ", command.Arguments.Select(a => $"<{a.Name}>"));
                lines.Add(Format(CliText.Parse_TooMany, path, token, takes));
            }
        }

        return string.Join('\n', lines.Distinct());
    }

    /// <summary>What a value must be: its type in words, the values allowed, or else the symbol's description.</summary>
    private static string Expected(Symbol symbol, Type type) => TypeInWords(type) ?? OneOf(symbol) ?? Description(symbol);

    /// <summary>What a missing value is for: the description says more than the type.</summary>
    private static string Described(Symbol symbol, Type type) => symbol.Description is { Length: > 0 } ? Description(symbol) : Expected(symbol, type);

    private static string? TypeInWords(Type type)
    {
        Type t = Nullable.GetUnderlyingType(type) ?? type;
        if (t == typeof(int) || t == typeof(long) || t == typeof(short))
        {
            return CliText.Parse_Integer;
        }

        if (t == typeof(double) || t == typeof(decimal) || t == typeof(float))
        {
            return CliText.Parse_Decimal;
        }

        if (t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(DateTimeOffset))
        {
            return CliText.Parse_DateTime;
        }

        return t == typeof(bool) ? CliText.Parse_Bool : null;
    }

    private static string? OneOf(Symbol symbol)
    {
        string[] values = [.. symbol.GetCompletions(CompletionContext.Empty).Select(c => c.Label)];
        return values.Length == 0 ? null : Format(CliText.Parse_OneOf, string.Join(", ", values));
    }

    // "Ärendets id." reads "ange ärendets id" inside a sentence.
    private static string Description(Symbol symbol)
    {
        string text = (symbol.Description ?? symbol.Name).Trim().TrimEnd('.');
        return text.Length == 0 ? symbol.Name : char.ToLower(text[0], CultureInfo.CurrentCulture) + text[1..];
    }

    private static string Values(SymbolResult result) => string.Join(" ", result.Tokens.Select(t => t.Value));

    private static string Subcommands(Command command) => string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));

    // The root is "jour" whatever the executable or test host is called.
    private static string PathOf(CommandResult? result)
    {
        var names = new List<string>();
        for (CommandResult? r = result; r is not null; r = r.Parent as CommandResult)
        {
            names.Insert(0, r.Parent is null ? "jour" : r.Command.Name);
        }

        return names.Count == 0 ? "jour" : string.Join(" ", names);
    }

    private static string Format(string format, params object[] args) => string.Format(CultureInfo.CurrentCulture, format, args);
}
