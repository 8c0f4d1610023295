using System.CommandLine;
using System.Globalization;
using Jour.Cli;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Generation;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Paper;
using Jour.Resources;

namespace Jour;

/// <summary>The `jour` executable: the TUI session, the server, and the command line in one binary.</summary>
internal static class Program
{
    // Guard logs an unexpected failure into this data directory's log; it runs outside the parser's reach.
    private static string? s_dataDirArgument;

    // Read by every command through Paths(), like --data-dir.
    private static readonly Option<string?> s_socketDir = new("--socket-dir") { Description = CliText.Cli_SocketDir, Recursive = true };

    private static async Task<int> Main(string[] args)
    {
        StartupTrace.Mark("main");
        Native.Posix.RestrictNewFilesToOwner();
        if (TerminalGuiSettings.StartsASession(args))
        {
            // While the command line is parsed and the server connected (`jour --help` does not wait for it).
            _ = TerminalGuiSettings.ApplyInBackground();
        }

        // Dates, numbers and sorting are Swedish whatever the UI language.
        CultureInfo.DefaultThreadCurrentCulture = SwedishCulture.Instance;
        CultureInfo.CurrentCulture = SwedishCulture.Instance;
        return await RunAsync(args, Console.Error);
    }

    /// <summary>
    /// Parses and runs a command line. A parse error is written here in the user's language, naming the argument
    /// or option and what it expects (<see cref="ParseErrors"/>), exit code 2; the parser's own text never shows.
    /// </summary>
    internal static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        SetUiLanguage(ValueFromArgs(args, "--lang") ?? Environment.GetEnvironmentVariable("JOUR_LANG") ?? "sv");
        s_dataDirArgument = ValueFromArgs(args, "--data-dir");

        // No @file response files: a name or path that begins with @ is what it says.
        ParseResult parsed = Commands().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (ParseErrors.Render(parsed) is { Count: > 0 } lines)
        {
            foreach (string line in lines)
            {
                await error.WriteLineAsync(line);
            }

            return 2;
        }

        return await parsed.InvokeAsync();
    }

    /// <summary>Every command, built in the current UI language (tests walk the tree).</summary>
    internal static RootCommand Commands()
    {
        var dataDir = new Option<string?>("--data-dir") { Description = CliText.Cli_DataDir, Recursive = true };
        var lang = new Option<string?>("--lang") { Description = CliText.Cli_Lang, Recursive = true };
        lang.AcceptOnlyFromAmong("sv", "en");
        var ascii = new Option<bool>("--ascii") { Description = CliText.Cli_Ascii };
        var kiosk = new Option<bool>("--kiosk") { Description = CliText.Cli_Kiosk };
        var root = new RootCommand(CliText.Cli_Description) { dataDir, s_socketDir, lang, ascii, kiosk };
        SwedishHelp.Apply(root);

        root.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            JourConfig config = Config(paths, parse.GetValue(lang));
            return await TuiCommand.RunAsync(paths, config, parse.GetValue(ascii), parse.GetValue(kiosk), ct);
        }));

        var background = new Option<bool>("--background") { Description = CliText.Cli_ServerBackground, Hidden = true };
        var stop = new Option<bool>("--stop") { Description = CliText.Cli_ServerStop };
        var idle = new Option<double?>("--idle-minutes") { Description = CliText.Cli_ServerIdle };
        var server = new Command("server", CliText.Cli_Server) { background, stop, idle };
        server.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            if (parse.GetValue(stop))
            {
                return await ServerCommand.StopAsync(paths, Console.Out, ct);
            }

            if (paths.OfAnotherAccount)
            {
                // Files made here by another account (root, by hand) would lock the service out of its own data.
                throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_ServerNotOwner, paths.DataDirectory, Native.FileStatus.Of(paths.DataDirectory)?.Uid ?? -1));
            }

            paths.EnsureExists();
            return await ServerCommand.RunAsync(paths, Config(paths, parse.GetValue(lang)), parse.GetValue(background), parse.GetValue(idle), Console.Error);
        }));
        root.Add(server);

        var reset = new Option<bool>("--reset") { Description = CliText.Cli_DemoReset };
        var demo = new Command("demo", CliText.Cli_Demo) { reset };
        demo.SetAction((parse, ct) => Guard(async () =>
        {
            if (!parse.GetValue(reset))
            {
                throw new CliException(CliText.Cli_DemoNeedsReset);
            }

            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            using SocketJourService service = await CliSession.OpenAsync(paths, ct);
            await service.SendAsync(new ResetDemo(), ct);
            Console.WriteLine(CliText.Cli_DemoDone);
            return 0;
        }));
        root.Add(demo);

        var graphFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "mermaid" };
        graphFormat.AcceptOnlyFromAmong("dot", "mermaid");
        var states = new Command("states", CliText.Cli_States) { graphFormat };
        states.SetAction(parse =>
        {
            Console.WriteLine(Case.FormatGraph(mermaid: parse.GetValue(graphFormat) == "mermaid"));
            return 0;
        });
        root.Add(states);

        var listFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        listFormat.AcceptOnlyFromAmong("text", "json");
        var state = new Option<string?>("--state") { Description = CliText.Cli_State };
        var cases = new Command("cases", CliText.Cli_Cases) { state, listFormat };
        cases.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await ListCommands.CasesAsync(paths, parse.GetValue(state), parse.GetValue(listFormat)!, Console.Out, ct);
        }));
        root.Add(cases);

        var clientFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        clientFormat.AcceptOnlyFromAmong("text", "json");
        var clients = new Command("clients", CliText.Cli_Clients) { clientFormat };
        clients.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await ListCommands.ClientsAsync(paths, parse.GetValue(clientFormat)!, Console.Out, ct);
        }));
        root.Add(clients);

        var caseNumber = new Argument<string>("number") { Description = CliText.Cli_CaseNumber };
        var caseFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        caseFormat.AcceptOnlyFromAmong("text", "json");
        var showCase = new Command("case", CliText.Cli_Case) { caseNumber, caseFormat };
        showCase.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await ListCommands.CaseAsync(paths, parse.GetValue(caseNumber)!, parse.GetValue(caseFormat)!, Console.Out, ct);
        }));
        root.Add(showCase);

        var loadCase = new Option<long>("--case") { Description = CliText.Cli_LoadCase };
        var loadNotes = new Option<int>("--notes") { Description = CliText.Cli_LoadNotes, DefaultValueFactory = _ => 100 };
        var loadLabel = new Option<string>("--label") { DefaultValueFactory = _ => "load" };
        var loadSeconds = new Option<int>("--seconds") { Description = CliText.Cli_LoadSeconds };
        var loadAcked = new Option<string?>("--acked") { Description = CliText.Cli_LoadAcked };
        var loadSeed = new Option<int>("--seed") { Description = CliText.Cli_LoadSeed };
        var loadPause = new Option<int>("--pause-ms") { Description = CliText.Cli_LoadPause };
        var loadVerify = new Option<string[]>("--verify") { Description = CliText.Cli_LoadVerify, AllowMultipleArgumentsPerToken = true };
        var load = new Command("load", CliText.Cli_Load) { loadCase, loadNotes, loadLabel, loadSeconds, loadAcked, loadSeed, loadPause, loadVerify };
        load.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            string[] verify = parse.GetValue(loadVerify) ?? [];
            string label = parse.GetValue(loadLabel)!;
            return (verify.Length, parse.GetValue(loadSeconds), parse.GetValue(loadCase)) switch
            {
                ( > 0, _, _) => await LoadMix.VerifyAsync(paths, verify, Console.Out, ct),
                (_, > 0, _) => await LoadMix.RunAsync(paths, parse.GetValue(loadSeconds), label, parse.GetValue(loadAcked), parse.GetValue(loadSeed), parse.GetValue(loadPause), Console.Out, ct),
                (_, _, > 0) => await LoadCommand.RunAsync(paths, parse.GetValue(loadCase), parse.GetValue(loadNotes), label, Console.Out, ct),
                _ => throw new CliException(CliText.Cli_LoadWhat),
            };
        }));
        root.Add(load);

        var onCallAt = new Option<string?>("--at") { Description = CliText.Cli_OnCallAt };
        var onCallFormat = new Option<string>("--format") { Description = CliText.Cli_OnCallFormat, DefaultValueFactory = _ => "text" };
        onCallFormat.AcceptOnlyFromAmong("text", "json", "ics");
        var onCallPerson = new Option<string?>("--person") { Description = CliText.Cli_OnCallPerson };
        var onCallMonths = new Option<int?>("--months") { Description = CliText.Cli_CalendarMonths };
        var onCallOut = new Option<string?>("--out") { Description = CliText.Cli_Out };
        var onCallForce = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
        var onCall = new Command("oncall", CliText.Cli_OnCall) { onCallAt, onCallFormat, onCallPerson, onCallMonths, onCallOut, onCallForce };
        onCall.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            string format = parse.GetValue(onCallFormat)!;
            bool calendarOptions = parse.GetValue(onCallPerson) is not null || parse.GetValue(onCallMonths) is not null || parse.GetValue(onCallOut) is not null;
            if (format == "ics")
            {
                return parse.GetValue(onCallAt) is not null
                    ? throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Calendar_NoAt))
                    : await CalendarCommand.OnCallAsync(paths, parse.GetValue(onCallPerson), parse.GetValue(onCallMonths) ?? CalendarCommand.DefaultMonths, parse.GetValue(onCallOut), parse.GetValue(onCallForce), Console.Out, ct);
            }

            return calendarOptions
                ? throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Calendar_IcsOnly))
                : await OnCallCommand.RunAsync(paths, parse.GetValue(onCallAt), format, Console.Out, ct);
        }));
        root.Add(onCall);

        // Checked in the action, not by the parser: its own refusal would come on top of an unknown option's.
        var deploymentsAssistant = new Option<string?>("--assistant") { Description = CliText.Cli_DeploymentsAssistant };
        var deploymentsFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "ics" };
        deploymentsFormat.AcceptOnlyFromAmong("ics");
        var deploymentsMonths = new Option<int?>("--months") { Description = CliText.Cli_CalendarMonths };
        var deploymentsOut = new Option<string?>("--out") { Description = CliText.Cli_Out };
        var deploymentsForce = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
        var deployments = new Command("deployments", CliText.Cli_Deployments) { deploymentsAssistant, deploymentsFormat, deploymentsMonths, deploymentsOut, deploymentsForce };
        deployments.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            string assistant = parse.GetValue(deploymentsAssistant) is { Length: > 0 } given
                ? given
                : throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Calendar_AssistantRequired));
            return await CalendarCommand.DeploymentsAsync(paths, assistant, parse.GetValue(deploymentsMonths) ?? CalendarCommand.DefaultMonths, parse.GetValue(deploymentsOut), parse.GetValue(deploymentsForce), Console.Out, ct);
        }));
        root.Add(deployments);

        var hoursFrom = new Option<string?>("--from") { Description = CliText.Cli_HoursFrom };
        var hoursTo = new Option<string?>("--to") { Description = CliText.Cli_HoursTo };
        var hoursFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        hoursFormat.AcceptOnlyFromAmong("text", "csv");
        var hours = new Command("hours", CliText.Cli_Hours) { hoursFrom, hoursTo, hoursFormat };
        hours.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await HoursCommand.RunAsync(paths, parse.GetValue(hoursFrom), parse.GetValue(hoursTo), parse.GetValue(hoursFormat)!, Console.Out, ct);
        }));
        root.Add(hours);


        root.Add(UsersCommandTree());
        var accessFrom = new Option<string?>("--from") { Description = CliText.Cli_AccessLogFrom };
        var accessTo = new Option<string?>("--to") { Description = CliText.Cli_AccessLogTo };
        var accessUser = new Option<string?>("--user") { Description = CliText.Cli_AccessLogUser };
        var accessClient = new Option<string?>("--client") { Description = CliText.Cli_AccessLogClient };
        var accessFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        accessFormat.AcceptOnlyFromAmong("text", "csv");
        var accessLog = new Command("access-log", CliText.Cli_AccessLog) { accessFrom, accessTo, accessUser, accessClient, accessFormat };
        accessLog.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await AccessLogCommand.RunAsync(paths, parse.GetValue(accessFrom), parse.GetValue(accessTo), parse.GetValue(accessFormat)!, parse.GetValue(accessUser), parse.GetValue(accessClient), Console.Out, ct);
        }));
        root.Add(accessLog);

        var extractClient = new Option<string?>("--client") { Description = CliText.Cli_ExtractClient };
        var extractOut = new Option<string?>("--out") { Description = CliText.Cli_ExtractOut };
        var extractPdf = new Option<bool>("--pdf") { Description = CliText.Cli_ExtractPdf };
        var extractForce = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
        var extract = new Command("extract", CliText.Cli_Extract) { extractClient, extractOut, extractPdf, extractForce };
        extract.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await ExtractCommand.RunAsync(paths, parse.GetValue(extractClient), parse.GetValue(extractOut), parse.GetValue(extractPdf), parse.GetValue(extractForce), Console.Error, ct);
        }));
        root.Add(extract);

        root.Add(GenerateCommandFor(dataDir, lang));
        root.Add(RetentionCommandFor(dataDir, lang));
        root.Add(StoreCommandFor(dataDir, lang));
        foreach (Command command in OperatorCommandsFor(dataDir, lang))
        {
            root.Add(command);
        }

        var handoverAt = new Option<string?>("--at") { Description = CliText.Cli_HandoverAt };
        var handoverOut = new Option<string?>("--out") { Description = CliText.Cli_HandoverOut };
        var handoverPrint = new Option<bool>("--print") { Description = CliText.Cli_Print };
        var handoverPdf = new Option<string?>("--pdf") { Description = CliText.Cli_Pdf };
        var handoverAddresses = new Option<bool>("--with-addresses") { Description = CliText.Cli_HandoverAddresses };
        var handoverContinuity = new Option<bool>("--continuity") { Description = CliText.Cli_HandoverContinuity };
        var handoverForce = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
        var handover = new Command("handover", CliText.Cli_Handover) { handoverAt, handoverOut, handoverPdf, handoverForce, handoverPrint, handoverAddresses, handoverContinuity };
        handover.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            var options = new HandoverOptionsArgs(parse.GetValue(handoverAt), parse.GetValue(handoverOut), parse.GetValue(handoverPrint), parse.GetValue(handoverAddresses), parse.GetValue(handoverContinuity), parse.GetValue(handoverForce), parse.GetValue(handoverPdf));
            return await HandoverCommand.RunAsync(paths, options, Console.Out, Console.Error, ct);
        }));
        root.Add(handover);

        var import = new Command("import", CliText.Cli_Import)
        {
            ImportCommandFor("clients", CliText.Cli_ImportClients, ImportCommand.ClientsAsync),
            ImportCommandFor("providers", CliText.Cli_ImportProviders, ImportCommand.ProvidersAsync),
            ImportCommandFor("staff", CliText.Cli_ImportStaff, ImportCommand.StaffAsync),
            ImportCommandFor("paid-hours", CliText.Cli_ImportPaidHours, ImportCommand.PaidHoursAsync),
        };
        root.Add(import);

        AddFollowUpCommands(root, dataDir, lang);
        root.Add(InstallCommandFor(dataDir));
        return root;

        Command UsersCommandTree()
        {
            var usersFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
            usersFormat.AcceptOnlyFromAmong("text", "json");
            var list = new Command("list", CliText.Users_List) { usersFormat };
            list.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await UsersCommand.ListAsync(paths, parse.GetValue(usersFormat)!, Console.Out, ct);
            }));

            var addName = new Argument<string>("name") { Description = CliText.Users_NameArg };
            var roles = new Option<string>("--roles") { Description = CliText.Users_RolesOption, Required = true };
            var phone = new Option<string?>("--phone") { Description = CliText.Users_PhoneOption };
            var add = new Command("add", CliText.Users_Add) { addName, roles, phone };
            add.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await UsersCommand.AddAsync(paths, parse.GetValue(addName)!, parse.GetValue(roles)!, parse.GetValue(phone), Console.Out, Console.Error, ct);
            }));

            var users = new Command("users", CliText.Users_Command) { list, add };
            foreach ((string verb, string description, bool disable) in new[] { ("disable", CliText.Users_Disable, true), ("enable", CliText.Users_Enable, false) })
            {
                var who = new Argument<string>("name") { Description = CliText.Users_NameArg };
                var command = new Command(verb, description) { who };
                command.SetAction((parse, ct) => Guard(async () =>
                {
                    JourPaths paths = Paths(parse, dataDir);
                    Config(paths, parse.GetValue(lang));
                    return await UsersCommand.SetDisabledAsync(paths, parse.GetValue(who)!, disable, Console.Out, ct);
                }));
                users.Add(command);
            }

            var resetName = new Argument<string>("name") { Description = CliText.Users_NameArg };
            var reset = new Command("reset-pin", CliText.Users_ResetPin) { resetName };
            reset.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await UsersCommand.ResetPinAsync(paths, parse.GetValue(resetName)!, Console.Out, Console.Error, ct);
            }));
            users.Add(reset);

            var changePin = new Command("change-pin", CliText.Users_ChangePin);
            changePin.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await UsersCommand.ChangePinAsync(paths, Console.Out, Console.Error, ct);
            }));
            users.Add(changePin);

            var setUpCode = new Command("setup-code", CliText.Users_SetUpCode);
            setUpCode.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await UsersCommand.SetUpCodeAsync(paths, Console.Out, ct);
            }));
            users.Add(setUpCode);
            return users;
        }

        Command ImportCommandFor(string name, string description, Func<JourPaths, string, bool, TextWriter, TextWriter, CancellationToken, Task<int>> run)
        {
            var file = new Argument<string>("file") { Description = CliText.Cli_ImportFile };
            var dryRun = new Option<bool>("--dry-run") { Description = CliText.Cli_ImportDryRun };
            var command = new Command(name, description) { file, dryRun };
            command.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));
                return await run(paths, parse.GetValue(file)!, parse.GetValue(dryRun), Console.Out, Console.Error, ct);
            }));
            return command;
        }
    }

    /// <summary>`jour export invoice`, `jour stats`, `jour settings` (issue 8).</summary>
    private static void AddFollowUpCommands(RootCommand root, Option<string?> dataDir, Option<string?> lang)
    {
        Command MonthExport(string name, string description, Func<JourPaths, string?, string, string?, bool, PaperArgs, TextWriter, TextWriter, CancellationToken, Task<int>> export)
        {
            var month = new Option<string?>("--month") { Description = CliText.Cli_InvoiceMonth };
            var format = new Option<string>("--format") { Description = CliText.Cli_ExportFormat, DefaultValueFactory = _ => "csv" };
            format.AcceptOnlyFromAmong("csv", "text", "json", "pdf");
            var outFile = new Option<string?>("--out") { Description = CliText.Cli_Out };
            var force = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
            var pdf = new Option<string?>("--pdf") { Description = CliText.Cli_Pdf };
            var print = new Option<bool>("--print") { Description = CliText.Cli_Print };
            var command = new Command(name, description) { month, format, outFile, pdf, force, print };
            command.SetAction((parse, ct) => Guard(async () =>
            {
                JourPaths paths = Paths(parse, dataDir);
                Config(paths, parse.GetValue(lang));

                // --format pdf --out FILE is --pdf FILE: the text layout on paper.
                (string chosen, string? to, PaperArgs paper) = parse.GetValue(format) == "pdf"
                    ? ("text", null, new PaperArgs(parse.GetValue(outFile) ?? parse.GetValue(pdf) ?? throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Cli_PdfNeedsOut)), parse.GetValue(print)))
                    : (parse.GetValue(format)!, parse.GetValue(outFile), new PaperArgs(parse.GetValue(pdf), parse.GetValue(print)));
                return await export(paths, parse.GetValue(month), chosen, to, parse.GetValue(force), paper, Console.Out, Console.Error, ct);
            }));
            return command;
        }

        var invoice = MonthExport("invoice", CliText.Cli_ExportInvoice, FollowUpCommands.ExportInvoiceAsync);
        var providerBasis = MonthExport("provider-basis", CliText.Cli_ExportProviderBasis, FollowUpCommands.ExportProviderBasisAsync);
        root.Add(new Command("export", CliText.Cli_Export) { invoice, providerBasis });

        var from = new Option<string?>("--from") { Description = CliText.Cli_StatsFrom };
        var to = new Option<string?>("--to") { Description = CliText.Cli_StatsTo };
        var statsFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        statsFormat.AcceptOnlyFromAmong("text", "csv", "json");
        var statsOut = new Option<string?>("--out") { Description = CliText.Cli_Out };
        var statsForce = new Option<bool>("--force") { Description = CliText.Cli_OutForce };
        var statsPdf = new Option<string?>("--pdf") { Description = CliText.Cli_Pdf };
        var statsPrint = new Option<bool>("--print") { Description = CliText.Cli_Print };
        var quarter = new Option<string?>("--quarter") { Description = CliText.Cli_StatsQuarter };
        var year = new Option<string?>("--year") { Description = CliText.Cli_StatsYear };
        var stats = new Command("stats", CliText.Cli_Stats) { from, to, quarter, year, statsFormat, statsOut, statsPdf, statsForce, statsPrint };
        stats.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await FollowUpCommands.StatsAsync(paths, new StatsPeriodArgs(parse.GetValue(from), parse.GetValue(to), parse.GetValue(quarter), parse.GetValue(year)), parse.GetValue(statsFormat)!, parse.GetValue(statsOut), parse.GetValue(statsForce), new PaperArgs(parse.GetValue(statsPdf), parse.GetValue(statsPrint)), Console.Out, Console.Error, ct);
        }));
        root.Add(stats);

        var set = new Option<string[]>("--set") { Description = CliText.Cli_SettingsSet, AllowMultipleArgumentsPerToken = false };
        var settingsFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        settingsFormat.AcceptOnlyFromAmong("text", "json");
        var settings = new Command("settings", CliText.Cli_Settings) { set, settingsFormat };
        settings.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await FollowUpCommands.SettingsAsync(paths, parse.GetValue(set) ?? [], parse.GetValue(settingsFormat)!, Console.Out, ct);
        }));
        root.Add(settings);
        root.Add(ContractCommandTree(dataDir, lang));

        var calloutCase = new Argument<string>("case") { Description = CliText.Cli_CallOutCase };
        var calloutWindow = new Option<int?>("--window") { Description = CliText.Cli_CallOutWindow };
        var calloutCount = new Option<int>("--count") { Description = CliText.Cli_CallOutCount, DefaultValueFactory = _ => CallOutCommand.DefaultCount };
        var calloutStatus = new Option<bool>("--status") { Description = CliText.Cli_CallOutStatus };
        var calloutFormat = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        calloutFormat.AcceptOnlyFromAmong("text", "json");
        var calloutWithdraw = new Option<bool>("--withdraw") { Description = CliText.Cli_CallOutWithdraw };
        var callout = new Command("callout", CliText.Cli_CallOut) { calloutCase, calloutWindow, calloutCount, calloutStatus, calloutWithdraw, calloutFormat };
        callout.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            (bool status, bool withdraw) = (parse.GetValue(calloutStatus), parse.GetValue(calloutWithdraw));
            CallOutAction action = (status, withdraw) switch
            {
                (true, true) => throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.CallOut_StatusOrWithdraw)),
                (_, true) => CallOutAction.Withdraw,
                (true, _) => CallOutAction.Status,
                _ => CallOutAction.Start,
            };
            return await CallOutCommand.RunAsync(paths, parse.GetValue(calloutCase)!, parse.GetValue(calloutWindow), parse.GetValue(calloutCount), action, parse.GetValue(calloutFormat)!, Console.Out, ct);
        }));
        root.Add(callout);
    }

    /// <summary>`jour contract add|list|extend` (issue 19). Options are read as text so a bad one is refused by name, exit 2.</summary>
    private static Command ContractCommandTree(Option<string?> dataDir, Option<string?> lang)
    {
        var from = new Option<string?>("--from") { Description = CliText.Cli_ContractFrom };
        var to = new Option<string?>("--to") { Description = CliText.Cli_ContractTo };
        var annual = new Option<string?>("--annual") { Description = CliText.Cli_ContractAnnual };
        var priceLevel = new Option<string?>("--price-level") { Description = CliText.Cli_ContractPriceLevel };
        var lumpSum = new Option<string?>("--lump-sum") { Description = CliText.Cli_ContractLumpSum };
        var utilisation = new Option<string?>("--utilisation") { Description = CliText.Cli_ContractUtilisation };
        var deduction = new Option<string[]>("--deduction") { Description = CliText.Cli_ContractDeduction, AllowMultipleArgumentsPerToken = false };
        var capacity = new Option<string?>("--capacity-hours") { Description = CliText.Cli_ContractCapacity };
        var months = new Option<string?>("--extension-months") { Description = CliText.Cli_ContractMonths };
        var notice = new Option<string?>("--notice-weeks") { Description = CliText.Cli_ContractNotice };
        var add = new Command("add", CliText.Cli_ContractAdd) { from, to, annual, priceLevel, lumpSum, utilisation, deduction, capacity, months, notice };
        add.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            AddContract request = ContractCommands.ParseAdd(
                parse.GetValue(from),
                parse.GetValue(to),
                parse.GetValue(annual),
                parse.GetValue(priceLevel),
                parse.GetValue(lumpSum),
                parse.GetValue(utilisation),
                parse.GetValue(deduction) ?? [],
                parse.GetValue(capacity),
                parse.GetValue(months),
                parse.GetValue(notice));
            return await ContractCommands.AddAsync(paths, request, Console.Out, ct);
        }));

        var format = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var list = new Command("list", CliText.Cli_ContractList) { format };
        list.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await ContractCommands.ListAsync(paths, parse.GetValue(format)!, Console.Out, ct);
        }));

        var id = new Argument<string>("id") { Description = CliText.Cli_ContractId };
        var extendTo = new Option<string?>("--to") { Description = CliText.Cli_ContractTo };
        var untilFurtherNotice = new Option<bool>("--until-further-notice") { Description = CliText.Cli_ContractUntilFurtherNotice };
        var extend = new Command("extend", CliText.Cli_ContractExtend) { id, extendTo, untilFurtherNotice };
        extend.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            ExtendContract request = ContractCommands.ParseExtend(parse.GetValue(id), parse.GetValue(extendTo), parse.GetValue(untilFurtherNotice));
            return await ContractCommands.ExtendAsync(paths, request, Console.Out, ct);
        }));

        return new Command("contract", CliText.Cli_Contract) { add, list, extend };
    }

    /// <summary>`jour backup`, `jour check`, `jour restore`: see <see cref="OperatorCommands"/>.</summary>
    private static IEnumerable<Command> OperatorCommandsFor(Option<string?> dataDir, Option<string?> lang)
    {
        var backupFile = new Argument<string>("file") { Description = CliText.Cli_BackupFile };
        var backup = new Command("backup", CliText.Cli_Backup) { backupFile };
        backup.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await OperatorCommands.BackupAsync(paths, parse.GetValue(backupFile)!, Console.Out, ct);
        }));
        yield return backup;

        var checkFile = new Option<string?>("--file") { Description = CliText.Cli_CheckFile };
        var rebuildFacts = new Option<bool>("--rebuild-facts") { Description = CliText.Cli_CheckRebuildFacts };
        var check = new Command("check", CliText.Cli_Check) { checkFile, rebuildFacts };
        check.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await OperatorCommands.CheckAsync(paths, parse.GetValue(checkFile), parse.GetValue(rebuildFacts), Console.Out, ct);
        }));
        yield return check;

        var restoreFile = new Argument<string>("file") { Description = CliText.Cli_RestoreFile };
        var restoreForce = new Option<bool>("--force") { Description = CliText.Cli_RestoreForce };
        var restore = new Command("restore", CliText.Cli_Restore) { restoreFile, restoreForce };
        restore.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await OperatorCommands.RestoreAsync(paths, parse.GetValue(restoreFile)!, parse.GetValue(restoreForce), Console.Out, Console.Error, ct);
        }));
        yield return restore;
    }

    /// <summary>`jour store migrate / use / show`: see <see cref="StoreCommands"/>.</summary>
    private static Command StoreCommandFor(Option<string?> dataDir, Option<string?> lang)
    {
        // Checked in the action, not by the parser: its refusal then stands alone, in our words.
        var to = new Option<string?>("--to") { Description = CliText.Store_MigrateTo };
        var migrate = new Command("migrate", CliText.Store_Migrate) { to };
        migrate.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            string connection = parse.GetValue(to) is { Length: > 0 } given ? given : throw new CliException(CliText.Store_MigrateNeedsTo);
            return await StoreCommands.MigrateAsync(paths, connection, Console.Out, Console.Error, ct);
        }));

        var connection = new Argument<string>("connection") { Description = CliText.Store_UseConnection };
        var use = new Command("use", CliText.Store_Use) { connection };
        use.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await StoreCommands.UseAsync(paths, parse.GetValue(connection)!, Console.Out, ct);
        }));

        var show = new Command("show", CliText.Store_Show);
        show.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await StoreCommands.ShowAsync(paths, Console.Out);
        }));
        return new Command("store", CliText.Store_Command) { migrate, use, show };
    }

    /// <summary>`jour retention`: see <see cref="RetentionCommand"/>.</summary>
    private static Command RetentionCommandFor(Option<string?> dataDir, Option<string?> lang)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.Cli_RetentionDryRun };
        var format = new Option<string>("--format") { Description = CliText.Cli_Format, DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var backups = new Option<string?>("--backups") { Description = CliText.Cli_RetentionBackups };
        var command = new Command("retention", CliText.Cli_Retention) { dryRun, format, backups };
        command.SetAction((parse, ct) => Guard(async () =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            return await RetentionCommand.RunAsync(paths, parse.GetValue(dryRun), parse.GetValue(format)!, parse.GetValue(backups), Console.Out, ct);
        }));
        return command;
    }

    /// <summary>`jour generate`: see <see cref="GenerateCommand"/>.</summary>
    private static Command GenerateCommandFor(Option<string?> dataDir, Option<string?> lang)
    {
        var defaults = new LargeDataOptions();
        var cases = new Option<int>("--cases") { Description = CliText.Cli_GenerateCases, DefaultValueFactory = _ => defaults.Cases };
        var clients = new Option<int>("--clients") { Description = CliText.Cli_GenerateClients, DefaultValueFactory = _ => defaults.Clients };
        var staff = new Option<int>("--staff") { Description = CliText.Cli_GenerateStaff, DefaultValueFactory = _ => defaults.Staff };
        var officers = new Option<int>("--officers") { Description = CliText.Cli_GenerateOfficers, DefaultValueFactory = _ => defaults.Officers };
        var providers = new Option<int>("--providers") { Description = CliText.Cli_GenerateProviders, DefaultValueFactory = _ => defaults.Providers };
        var years = new Option<double>("--years") { Description = CliText.Cli_GenerateYears, DefaultValueFactory = _ => defaults.Years };
        var open = new Option<int>("--open") { Description = CliText.Cli_GenerateOpen, DefaultValueFactory = _ => defaults.OpenCases };
        var upcoming = new Option<int>("--upcoming") { Description = CliText.Cli_GenerateUpcoming, DefaultValueFactory = _ => defaults.UpcomingDeployments };
        var reports = new Option<double>("--reports-per-case") { Description = CliText.Cli_GenerateReports, DefaultValueFactory = _ => defaults.TimeReportsPerCase };
        var seed = new Option<int>("--seed") { Description = CliText.Cli_GenerateSeed, DefaultValueFactory = _ => defaults.Seed };
        var now = new Option<DateTime?>("--now") { Description = CliText.Cli_GenerateNow };
        var force = new Option<bool>("--force") { Description = CliText.Cli_GenerateForce };
        var command = new Command("generate", CliText.Cli_Generate) { cases, clients, staff, officers, providers, years, open, upcoming, reports, seed, now, force };
        command.SetAction((parse, ct) => Guard(() =>
        {
            JourPaths paths = Paths(parse, dataDir);
            Config(paths, parse.GetValue(lang));
            var options = new LargeDataOptions
            {
                Cases = parse.GetValue(cases),
                Clients = parse.GetValue(clients),
                Staff = parse.GetValue(staff),
                Officers = parse.GetValue(officers),
                Providers = parse.GetValue(providers),
                Years = parse.GetValue(years),
                OpenCases = Math.Min(parse.GetValue(open), parse.GetValue(cases)),
                UpcomingDeployments = parse.GetValue(upcoming),
                TimeReportsPerCase = parse.GetValue(reports),
                Seed = parse.GetValue(seed),
                NowUtc = parse.GetValue(now) is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null,
            };
            bool dataDirGiven = !string.IsNullOrWhiteSpace(parse.GetValue(dataDir));
            return Task.FromResult(GenerateCommand.Run(paths, dataDirGiven, options, parse.GetValue(force), Console.Out, Console.Error));
        }));
        return command;
    }

    /// <summary>`jour install --system` (issue 16): the system installation in one command, as root.</summary>
    private static Command InstallCommandFor(Option<string?> dataDir)
    {
        var system = new Option<bool>("--system") { Description = CliText.Install_SystemOption };
        var prefix = new Option<string>("--prefix") { Description = CliText.Install_PrefixOption, DefaultValueFactory = _ => "/" };
        var user = new Option<string>("--user") { Description = CliText.Install_UserOption, DefaultValueFactory = _ => "jour" };
        var group = new Option<string?>("--group") { Description = CliText.Install_GroupOption };
        var demo = new Option<bool>("--demo") { Description = CliText.Install_DemoOption };
        var dryRun = new Option<bool>("--dry-run") { Description = CliText.Install_DryRunOption };
        var noStart = new Option<bool>("--no-start") { Description = CliText.Install_NoStartOption };
        var command = new Command("install", CliText.Cli_Install) { system, prefix, user, group, demo, dryRun, noStart };
        command.SetAction((parse, ct) => Guard(async () =>
        {
            if (!parse.GetValue(system))
            {
                throw new CliException(CliText.Install_NeedsSystem);
            }

            string account = parse.GetValue(user)!;
            var options = new InstallOptions(
                parse.GetValue(prefix)!,
                parse.GetValue(dataDir),
                parse.GetValue(s_socketDir),
                account,
                parse.GetValue(group) ?? account,
                parse.GetValue(demo),
                parse.GetValue(dryRun),
                parse.GetValue(noStart));
            return await InstallCommand.RunAsync(options, Console.Out, ct);
        }));
        return command;
    }

    private static JourPaths Paths(ParseResult parse, Option<string?> dataDir) => JourPaths.Resolve(parse.GetValue(dataDir), parse.GetValue(s_socketDir));

    private static JourConfig Config(JourPaths paths, string? languageOption)
    {
        JourConfig config;
        try
        {
            config = paths.OfAnotherAccount ? ReadableConfig(paths) : CreatedConfig(paths);
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_DataDirDenied, paths.DataDirectory));
        }
        catch (IOException)
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_DataDirFailed, paths.DataDirectory));
        }

        if (languageOption is null && Environment.GetEnvironmentVariable("JOUR_LANG") is null)
        {
            SetUiLanguage(config.Language);
        }

        return config;
    }

    private static JourConfig CreatedConfig(JourPaths paths)
    {
        paths.EnsureExists();
        return JourConfig.LoadOrCreate(paths);
    }

    // A session of another account (the kiosk, an officer) may not enter a system installation's data directory:
    // it runs with the defaults and its own options (--kiosk, --lang), and writes nothing there.
    private static JourConfig ReadableConfig(JourPaths paths)
    {
        try
        {
            return File.Exists(paths.Config) ? JourConfig.LoadOrCreate(paths) : new JourConfig();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            return new JourConfig();
        }
    }

    private static void SetUiLanguage(string language)
    {
        CultureInfo culture = UiLanguage.Of(language) ?? UiLanguage.Swedish;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    // The language must be known before the parser builds its help texts.
    private static string? ValueFromArgs(string[] args, string option)
    {
        for (int i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == option)
            {
                return args[i + 1];
            }
        }

        return args.FirstOrDefault(a => a.StartsWith(option + "=", StringComparison.Ordinal))?[(option.Length + 1)..];
    }

    /// <summary>Every refusal becomes one clear line and an exit code; a stack trace never reaches the user.</summary>
    private static async Task<int> Guard(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (JourException ex)
        {
            await Console.Error.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, ex.Localized));
            return 2;
        }
        catch (ServerStartException ex)
        {
            // The server's own refusal (its standard error) already begins with "Fel: ".
            string prefix = string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, "");
            await Console.Error.WriteLineAsync(ex.Message.StartsWith(prefix, StringComparison.Ordinal) ? ex.Message : string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, ex.Message));
            return 2;
        }
        catch (OperationCanceledException)
        {
            return 130;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync(CommandFailure.ForIo(ex));
            return 2;
        }
#pragma warning disable CA1031 // The last line of defence: whatever it is, the user sees one line, not a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync(CommandFailure.Unexpected(ex, s_dataDirArgument));
            return CommandFailure.UnexpectedExitCode;
        }
    }
}
