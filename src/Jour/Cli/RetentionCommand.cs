using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Common;
using Jour.Core.Retention;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// `jour retention [--dry-run] [--format text|json] [--backups DIR]` (issue 20): what the retention rules find due
/// today, and without `--dry-run` the thinning of it. Backups are the operator's files, not the server's: the
/// command names those in DIR made before the day the server reports, and deletes none.
/// </summary>
internal static class RetentionCommand
{
    /// <summary>Where `docs/operations.md` has the nightly backups written.</summary>
    public const string DefaultBackupDirectory = "/var/backups/jour";

    public static async Task<int> RunAsync(JourPaths paths, bool dryRun, string format, string? backups, TextWriter output, CancellationToken cancellationToken)
    {
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        RetentionReport report = dryRun
            ? await service.SendAsync(new PlanRetention(), cancellationToken)
            : await service.SendAsync(new ThinDueRecords(), cancellationToken);
        IReadOnlyList<string> oldBackups = OldBackups(backups ?? DefaultBackupDirectory, report.BackupsMadeBefore);
        if (format == "json")
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(Output(report, oldBackups), CliJsonContext.Default.RetentionOutput));
            return 0;
        }

        await output.WriteAsync(Text(report, oldBackups));
        return 0;
    }

    /// <summary>The backup files (*.db) in <paramref name="directory"/> last written before <paramref name="madeBefore"/>, oldest first.</summary>
    public static IReadOnlyList<string> OldBackups(string directory, DateOnly madeBefore)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        try
        {
            return
            [
                .. new DirectoryInfo(directory).EnumerateFiles("*.db")
                    .Where(f => SwedishTime.Today(f.LastWriteTimeUtc) < madeBefore)
                    .OrderBy(f => f.LastWriteTimeUtc)
                    .Select(f => f.FullName),
            ];
        }
        catch (UnauthorizedAccessException)
        {
            // Not this account's to read: the text says where to look instead.
            return [];
        }
    }

    public static RetentionOutput Output(RetentionReport report, IReadOnlyList<string> oldBackups)
    {
        RuleCountOutput Of(RetentionSubject subject) => Count(report.Rules.Single(r => r.Rule.Subject == subject));
        return new RetentionOutput(
            IsoDate.Format(report.Today),
            report.Settings.OperatorKind == OperatorKind.Private ? "private" : "municipal",
            report.Settings.KeepResearchSample,
            report.Settings.AccessLogYears,
            report.Thinned,
            Of(RetentionSubject.SolFile),
            Of(RetentionSubject.LssFile),
            Of(RetentionSubject.AccessLog),
            Of(RetentionSubject.Draft),
            [.. report.Rules.Select(r => new RuleOutput(r.Rule.Name, r.Rule.Law, r.Rule.Months, r.Rule.Deadline.ToString(), r.Rule.ResearchSample, Count(r)))],
            report.ThinningIds,
            IsoDate.Format(report.BackupsMadeBefore),
            oldBackups);
    }

    private static RuleCountOutput Count(RuleOutcome o) =>
        new(o.Rule.Name, o.Due, o.Overdue, o.Kept, o.KeptForResearch, o.JournalEntries, o.CaseEvents, o.LastEntryBefore is { } d ? IsoDate.Format(d) : null);

    private static string Text(RetentionReport report, IReadOnlyList<string> oldBackups)
    {
        var text = new StringBuilder();
        RetentionSettingsData s = report.Settings;
        text.AppendLine(Format(
            CliText.Retention_Header,
            IsoDate.Format(report.Today),
            s.OperatorKind == OperatorKind.Private ? CliText.Retention_Private : CliText.Retention_Municipal,
            s.KeepResearchSample ? CliText.Retention_ResearchKept : CliText.Retention_ResearchNotKept,
            s.AccessLogYears));
        foreach (RuleOutcome o in report.Rules)
        {
            string what = o.Rule.Subject switch
            {
                _ when o.Rule.Keeps => Format(CliText.Retention_Kept, o.Kept),
                RetentionSubject.SolFile or RetentionSubject.LssFile => Format(report.Thinned ? CliText.Retention_FilesThinned : CliText.Retention_FilesDue, o.Due, o.JournalEntries, o.CaseEvents)
                    + (o.Overdue > 0 ? Format(CliText.Retention_Overdue, o.Overdue) : "")
                    + (o.KeptForResearch > 0 ? Format(CliText.Retention_Research, o.KeptForResearch) : ""),
                RetentionSubject.Draft => Format(report.Thinned ? CliText.Retention_DraftsThinned : CliText.Retention_DraftsDue, o.Due),
                _ => Format(report.Thinned ? CliText.Retention_LogThinned : CliText.Retention_LogDue, o.Due),
            };
            string before = o.LastEntryBefore is { } d ? Format(CliText.Retention_Before, IsoDate.Format(d)) : "";
            text.AppendLine(Format(CliText.Retention_Line, o.Rule.Name, o.Rule.Law, what + before));
        }

        text.AppendLine(report.Thinned
            ? Format(CliText.Retention_Done, report.ThinningIds.Count, string.Join(", ", report.ThinningIds))
            : CliText.Retention_DryRun);
        text.AppendLine(Format(CliText.Retention_Backups, IsoDate.Format(report.BackupsMadeBefore)));
        foreach (string file in oldBackups)
        {
            text.AppendLine("  " + file);
        }

        return text.ToString();
    }

    private static string Format(string template, params object?[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}

/// <summary>`jour retention --format json`: "sol", "lss", "accessLog" and "drafts" as the rules that apply now, then every rule.</summary>
internal sealed record RetentionOutput(
    string Today,
    string OperatorKind,
    bool KeepResearchSample,
    int AccessLogYears,
    bool Thinned,
    RuleCountOutput Sol,
    RuleCountOutput Lss,
    RuleCountOutput AccessLog,
    RuleCountOutput Drafts,
    IReadOnlyList<RuleOutput> Rules,
    IReadOnlyList<long> Thinnings,
    string BackupsMadeBefore,
    IReadOnlyList<string> BackupsToDelete);

/// <summary>One rule's count: files (or entries, drafts) due, or thinned after a thinning.</summary>
internal sealed record RuleCountOutput(string Rule, int Due, int Overdue, int Kept, int KeptForResearch, long JournalEntries, long CaseEvents, string? LastEntryBefore);

internal sealed record RuleOutput(string Name, string Law, int? Months, string Deadline, bool ResearchSample, RuleCountOutput Count);
