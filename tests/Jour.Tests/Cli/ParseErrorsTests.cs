using System.CommandLine;
using System.Globalization;

namespace Jour.Tests.Cli;

/// <summary>Issue 18, point 10: every parse error is Swedish (English with --lang en), names what was wrong and what is expected, exit 2.</summary>
[Collection(nameof(CommandLineCollection))]
public sealed class ParseErrorsTests : IDisposable
{
    // What System.CommandLine says in its own words; none of it may reach a user.
    private static readonly string[] s_parserWords = ["Required", "Unrecognized", "Cannot parse", "expected type", "not recognized", "Must be one of", "System."];

    private readonly CultureInfo _ui = CultureInfo.CurrentUICulture;
    private readonly CultureInfo? _defaultUi = CultureInfo.DefaultThreadCurrentUICulture;

    public void Dispose()
    {
        CultureInfo.CurrentUICulture = _ui;
        CultureInfo.DefaultThreadCurrentUICulture = _defaultUi;
    }

    private static async Task<(int Code, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        int code = await Program.RunAsync(args, error);
        return (code, error.ToString());
    }

    [Theory]
    [InlineData(new[] { "case" }, "Fel: <number> saknas för jour case – ange ärendets nummer som det visas (2026-0004) eller dess id.")]
    [InlineData(new[] { "generate", "--seed", "tre" }, "Fel: --seed: \"tre\" är inte ett heltal.")]
    [InlineData(new[] { "generate", "--years", "många" }, "Fel: --years: \"många\" är inte ett tal.")]
    [InlineData(new[] { "generate", "--now", "igår" }, "Fel: --now: \"igår\" är inte ett datum, ev. med tid (2026-12-06 22:00).")]
    [InlineData(new[] { "generate", "--seed" }, "Fel: --seed behöver ett värde – ange ett heltal.")]
    [InlineData(new[] { "generate", "--seed", "1", "--seed", "2" }, "Fel: --seed tar ett värde, en gång.")]
    [InlineData(new[] { "cases", "--format", "xml" }, "Fel: --format: \"xml\" är inte ett av: json, text.")]
    [InlineData(new[] { "case", "2026-0004", "--bogus" }, "Fel: jour case har ingen flagga --bogus (se jour case --help).")]
    [InlineData(new[] { "case", "--bogus", "2026-0004" }, "Fel: jour case har ingen flagga --bogus (se jour case --help).")]
    [InlineData(new[] { "--bogus" }, "Fel: jour har ingen flagga --bogus (se jour --help).")]
    [InlineData(new[] { "case", "2026-0004", "2026-0005" }, "Fel: för många argument till jour case: \"2026-0005\" (den tar <number>).")]
    [InlineData(new[] { "cases", "öppna" }, "Fel: för många argument till jour cases: \"öppna\" (den tar inga argument).")]
    [InlineData(new[] { "users", "add", "Anna" }, "Fel: --roles saknas för jour users add – ange roller, kommaseparerade: jourhavande, samordnare, mas, ekonomi, admin.")]
    [InlineData(new[] { "users" }, "Fel: jour users behöver ett kommando – välj bland: list, add, disable, enable, reset-pin, change-pin, setup-code.")]
    [InlineData(new[] { "users", "lista" }, "Fel: jour users har inget kommando \"lista\" – välj bland: list, add, disable, enable, reset-pin, change-pin, setup-code.")]
    [InlineData(new[] { "--lang", "de" }, "Fel: --lang: \"de\" är inte ett av: en, sv.")]
    public async Task RunAsync_ParseError_IsOneSwedishLineNamingIt_Exit2(string[] args, string expected)
    {
        (int code, string error) = await RunAsync(args);

        Assert.Equal(expected + Environment.NewLine, error);
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_NamesItAndTheCommands()
    {
        (int code, string error) = await RunAsync("ärenden");

        Assert.StartsWith("Fel: jour har inget kommando \"ärenden\" – välj bland: server, demo, states, cases, clients, case,", error, StringComparison.Ordinal);
        Assert.Equal(2, code);
    }

    [Theory]
    [InlineData(new[] { "--lang", "en", "case" }, "Error: <number> is missing for jour case – give the case number as shown (2026-0004) or its id.")]
    [InlineData(new[] { "--lang", "en", "generate", "--seed", "tre" }, "Error: --seed: \"tre\" is not a whole number.")]
    [InlineData(new[] { "generate", "--now", "igår", "--lang", "en" }, "Error: --now: \"igår\" is not a date, perhaps with a time (2026-12-06 22:00).")]
    [InlineData(new[] { "--lang", "en", "case", "1", "--bogus" }, "Error: jour case has no option --bogus (see jour case --help).")]
    [InlineData(new[] { "--lang", "en", "case", "1", "2" }, "Error: too many arguments to jour case: \"2\" (it takes <number>).")]
    [InlineData(new[] { "--lang", "en", "frobnicate" }, "Error: jour has no command \"frobnicate\" – choose from: server, demo, states, cases, clients, case, load, oncall, deployments, hours, users, access-log, extract, generate, retention, store, backup, check, restore, handover, import, export, stats, settings, contract, callout, install.")]
    public async Task RunAsync_ParseError_WithLangEn_IsEnglish(string[] args, string expected)
    {
        (int code, string error) = await RunAsync(args);

        Assert.Equal(expected + Environment.NewLine, error);
        Assert.Equal(2, code);
    }

    /// <summary>Every command of the tree, now and when one is added: an unknown option, and a missing argument where one is required.</summary>
    [Fact]
    public async Task RunAsync_EveryCommand_RefusesInSwedish_NeverInTheParsersWords()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        var checkedCommands = new List<string>();
        foreach ((string[] path, bool needsMore) in Paths(Program.Commands(), []))
        {
            string name = string.Join(" ", ["jour", .. path]);
            (int code, string error) = await RunAsync([.. path, "--no-such-option"]);
            Assert.True(code == 2, $"{name} --no-such-option: exit {code}");
            Assert.Equal($"Fel: {name} har ingen flagga --no-such-option (se {name} --help).{Environment.NewLine}", error);

            if (needsMore)
            {
                // A group without its subcommand, or a command without its required argument or option.
                (code, error) = await RunAsync(path);
                Assert.True(code == 2, $"{name}: exit {code}");
                Assert.Matches("^Fel: .*(behöver ett kommando|saknas för)", error);
                AssertNoParserWords(name, error);
            }

            checkedCommands.Add(name);
        }

        Assert.Contains("jour contract extend", checkedCommands);
        Assert.True(checkedCommands.Count > 30, string.Join(", ", checkedCommands));
    }

    /// <summary>--help of every command is in the user's language: none of the parser's own headings or words.</summary>
    [Fact]
    public void Help_OfEveryCommand_IsSwedish_AndEnglishWithLangEn()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        RootCommand root = Program.Commands();
        var commands = new List<Command> { root };
        commands.AddRange(Paths(root, []).Select(p => p.Path.Aggregate((Command)root, (at, name) => at.Subcommands.Single(c => c.Name == name))));
        foreach (Command command in commands)
        {
            using var output = new StringWriter();
            Jour.Cli.SwedishHelp.Write(command, output);
            string help = output.ToString();
            Assert.Contains("Användning:", help, StringComparison.Ordinal);
            Assert.Contains("Visa hjälp och hur kommandot används", help, StringComparison.Ordinal);
            foreach (string english in new[] { "Usage:", "Options:", "Commands:", "Arguments:", "Description:", "[default:", "Show help", "[options]", "[command]" })
            {
                Assert.False(help.Contains(english, StringComparison.Ordinal), $"{command.Name}: '{english}' in\n{help}");
            }
        }

        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        using var inEnglish = new StringWriter();
        Jour.Cli.SwedishHelp.Write(Program.Commands().Subcommands.Single(c => c.Name == "case"), inEnglish);
        Assert.Contains("Usage:", inEnglish.ToString(), StringComparison.Ordinal);
        Assert.Contains("[default: text]", inEnglish.ToString(), StringComparison.Ordinal);
    }

    // Every command below the root; needsMore when it refuses to run as it stands (jour cases alone would run).
    private static IEnumerable<(string[] Path, bool NeedsMore)> Paths(Command command, string[] path)
    {
        foreach (Command sub in command.Subcommands)
        {
            string[] subPath = [.. path, sub.Name];
            yield return (subPath, sub.Subcommands.Count > 0 || sub.Arguments.Any(a => a.Arity.MinimumNumberOfValues > 0) || sub.Options.Any(o => o.Required));
            foreach ((string[] Path, bool NeedsMore) deeper in Paths(sub, subPath))
            {
                yield return deeper;
            }
        }
    }

    private static void AssertNoParserWords(string command, string error)
    {
        foreach (string word in s_parserWords)
        {
            Assert.False(error.Contains(word, StringComparison.Ordinal), $"{command}: {error}");
        }
    }
}
