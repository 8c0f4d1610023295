using System.Globalization;
using System.Text;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Extracts;
using Jour.Core.Incidents;
using Jour.Core.Journals;
using Jour.Paper;
using Jour.Resources;
using Jour.Storage;

namespace Jour.Cli;

/// <summary>
/// `jour extract --client NAME|PERSONNUMMER --out FILE [--pdf] [--force]`: a person's register extract (GDPR
/// art. 15), for MAS/MAR and admins. Always to a file through <see cref="SafeOutput"/>, never to the terminal:
/// it holds the full personnummer and the access note. The server gathers it and logs it; this only lays it out.
/// </summary>
internal static class ExtractCommand
{
    private const int Width = 80;

    public static async Task<int> RunAsync(JourPaths paths, string? client, string? outFile, bool pdf, bool force, TextWriter errors, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(client))
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Extract_ClientRequired));
        }

        if (string.IsNullOrWhiteSpace(outFile))
        {
            throw new CliException(string.Format(CultureInfo.CurrentCulture, CliText.Cli_Error, CliText.Extract_OutRequired));
        }

        SafeOutput.Validate(outFile, paths.DataDirectory, force);
        if (pdf)
        {
            PaperFont.EnsureInstalled();
        }

        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        ClientExtract extract = await service.SendAsync(new GetClientExtract(0, client ?? "", Path.GetFullPath(outFile)), cancellationToken);
        string text = Text(extract);
        if (pdf)
        {
            PaperPdf paper = PdfPaper.Render(text, Heading(extract, await CliSession.IsDemoAsync(service, cancellationToken)));
            string written = SafeOutput.Write(outFile, paths.DataDirectory, force, stream => stream.Write(paper.Bytes));
            await errors.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Pdf_Written, written, paper.Pages == 1 ? CliText.Pdf_OnePage : string.Format(CultureInfo.CurrentCulture, CliText.Pdf_Pages, paper.Pages)));
            return 0;
        }

        string file = SafeOutput.WriteText(outFile, paths.DataDirectory, force, text, new UTF8Encoding(false));
        await errors.WriteLineAsync(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Written, file));
        return 0;
    }

    /// <summary>The PDF's heading: the kind of paper and whose it is.</summary>
    public static PaperHeading Heading(ClientExtract extract, bool isDemo) =>
        new(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Title, extract.Client.Name), isDemo);

    /// <summary>The extract as 80-column text, the same on file, on paper and from the screen.</summary>
    public static string Text(ClientExtract e)
    {
        var text = new StringBuilder();
        void Line(string line = "") => text.AppendLine(line);
        void Wrapped(string value, string indent)
        {
            foreach (string line in TextWrap.Lines(value, Width - indent.Length))
            {
                Line(indent + line);
            }
        }

        void Heading(string title, int count)
        {
            Line();
            Line($"== {title} ({count}) ==");
        }

        Line(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Title, e.Client.Name));
        Line(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Made, SwedishTime.FormatLocal(e.MadeUtc), e.MadeByName));
        Wrapped(CliText.Extract_Intro, "");

        Line();
        Line($"== {CliText.Extract_Register} ==");
        ClientFields(e, Line);

        Heading(CliText.Extract_Cases, e.Cases.Count);
        foreach (CaseDetail c in e.Cases)
        {
            Case(c, Line, Wrapped);
        }

        // The two series apart, each under its own heading: SoL and LSS are never mixed.
        Journal(CliText.Extract_JournalSol, e.JournalSol, Heading, Line, Wrapped);
        Journal(CliText.Extract_JournalLss, e.JournalLss, Heading, Line, Wrapped);

        Heading(CliText.Extract_Incidents, e.Incidents.Count);
        foreach (IncidentData i in e.Incidents)
        {
            Line($"{SwedishTime.FormatLocal(i.OccurredUtc)}  {Messages.Get("IncidentKind_" + i.Kind)}  {Messages.Get("RecordStatus_" + i.Status)}  {i.CaseNumber}".TrimEnd());
            Wrapped(i.Description, "  ");
            if (i.Actions.Length > 0)
            {
                Wrapped($"{CliText.Extract_Actions}: {i.Actions}", "  ");
            }

            // MAS/MAR's assessments, the replaced ones too, and the measures MAS required.
            foreach (MasAssessmentData a in i.Assessments ?? [])
            {
                string ivo = a.IvoReportedOn is { } day ? string.Format(CultureInfo.CurrentCulture, CliText.Extract_Ivo, IsoDate.Format(day)) : "";
                Wrapped(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Assessment, IsoDate.Format(a.AssessedOn), a.AssessedByName, a.LexMaria ? CliText.AccessLog_Yes : CliText.AccessLog_No, ivo, a.Reasoning), "  ");
            }

            foreach (MeasureData m in i.Measures ?? [])
            {
                string done = m.DoneOn is { } day ? string.Format(CultureInfo.CurrentCulture, CliText.Extract_MeasureDone, IsoDate.Format(day)) : "";
                Wrapped(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Measure, m.Number, m.What, m.Responsible, IsoDate.Format(m.DueOn), done), "  ");
            }
        }

        Heading(CliText.Extract_Complaints, e.Complaints.Count);
        foreach (ComplaintData c in e.Complaints)
        {
            Line($"{SwedishTime.FormatLocal(c.ReceivedUtc)}  {Messages.Get("ComplaintKind_" + c.Kind)}  {Messages.Get("RecordStatus_" + c.Status)}  {c.From}");
            Wrapped(c.About, "  ");
            if (c.Answer.Length > 0)
            {
                Wrapped($"{CliText.Extract_Answer} {(c.AnsweredUtc is { } at ? SwedishTime.FormatLocal(at) : "")}: {c.Answer}", "  ");
            }

            if (c.EscalatedOn is { } escalated)
            {
                Wrapped(string.Format(CultureInfo.CurrentCulture, CliText.Extract_Escalated, IsoDate.Format(escalated), c.CommitteeAnsweredOn is { } answered ? IsoDate.Format(answered) : "–"), "  ");
            }
        }

        Heading(CliText.Extract_AccessLog, e.AccessLog.Count);
        foreach (var r in e.AccessLog)
        {
            Wrapped(string.Join("  ", new[] { SwedishTime.FormatLocal(r.AtUtc), r.UserName, Messages.Get("Accessed_" + r.What), Messages.Get("AccessBasis_" + r.Basis), r.CaseNumber, r.Reason }.Where(v => v.Length > 0)), "");
        }

        return text.ToString();
    }

    private static void ClientFields(ClientExtract e, Action<string> line)
    {
        Core.Clients.ClientData c = e.Client;
        line($"{CliText.Extract_Name}: {c.Name}");
        line($"{CliText.Extract_Number}: {Formatted(c.PersonalIdentityNumber)}");
        line($"{CliText.Extract_Address}: {c.Address}");
        line($"{CliText.Extract_AccessNote}: {c.AccessNote}");
        line($"{CliText.Extract_Provider}: {(c.IsSelfEmployer ? CliText.Extract_SelfEmployer : e.ProviderName)}");
        line($"{CliText.Extract_Hours}: {c.GrantedHoursPerWeek.ToString("0.##", CultureInfo.CurrentCulture)}");
        line($"{CliText.Extract_Basis}: {Messages.Get("Basis_" + c.Basis)}");
        line($"{CliText.Extract_Needs}: {string.Join(", ", c.Needs)}");
        line($"{CliText.Extract_Delegated}: {string.Join(", ", c.DelegatedTasks)}");
        foreach (var r in c.Representatives)
        {
            line($"{CliText.Extract_Representative}: {Messages.Get("Representative_" + r.Kind)}  {r.Name}  {r.Phone}".TrimEnd());
        }
    }

    private static void Case(CaseDetail c, Action<string> line, Action<string, string> wrapped)
    {
        line("");
        line($"{c.Summary.Number}  {Messages.Get("State_" + c.Summary.State)}  {CliText.Extract_Received} {SwedishTime.FormatLocal(c.Summary.ReceivedUtc)}");
        if (c.Description.Length > 0)
        {
            wrapped(c.Description, "  ");
        }

        foreach (TimelineEntry t in c.Timeline)
        {
            string move = t.From is { } from && t.To is { } to && from != to ? $"{Messages.Get("State_" + from)} → {Messages.Get("State_" + to)}. " : "";
            wrapped($"{SwedishTime.FormatLocal(t.AtUtc)}  {t.UserName}: {move}{t.Render()}".TrimEnd(), "  ");
        }

        foreach (DeploymentData d in c.Deployments)
        {
            line($"  {CliText.Extract_Deployment}: {SwedishTime.FormatLocal(d.FromUtc)} – {SwedishTime.FormatLocal(d.ToUtc)}  {d.AssistantName}  {Messages.Get("Deployment_" + d.State)}");
            if (d.Report is { } r)
            {
                wrapped(
                    string.Format(
                        CultureInfo.CurrentCulture,
                        CliText.Extract_TimeReport,
                        SwedishTime.FormatLocal(r.StartUtc),
                        SwedishTime.FormatLocal(r.EndUtc),
                        r.BreakMinutes,
                        r.WorkedHours.ToString("0.##", CultureInfo.CurrentCulture),
                        r.AssistantSignedName.Length > 0 ? r.AssistantSignedName : "–",
                        r.ClientSignedName.Length > 0 ? r.ClientSignedName : "–"),
                    "    ");
            }
        }
    }

    /// <summary>One series; a correction is shown right under the entry it corrects, as on the journal screen.</summary>
    private static void Journal(string title, IReadOnlyList<JournalEntryData> entries, Action<string, int> heading, Action<string> line, Action<string, string> wrapped)
    {
        heading(title, entries.Count);
        var ids = entries.Select(x => x.Id).ToHashSet();
        var corrections = entries.Where(x => x.CorrectsId is { } id && ids.Contains(id)).ToLookup(x => x.CorrectsId!.Value);
        void Entry(JournalEntryData x, string indent)
        {
            string mark = x.CorrectsId is { } corrects ? "  " + string.Format(CultureInfo.CurrentCulture, CliText.Extract_Corrects, corrects) : "";
            string correctedBy = string.Join(" ", corrections[x.Id].Select(c => string.Format(CultureInfo.CurrentCulture, CliText.Extract_CorrectedBy, c.Id)));
            line($"{indent}#{x.Id}  {SwedishTime.FormatLocal(x.AtUtc)}  {x.AuthorName}{mark}  {correctedBy}".TrimEnd());
            wrapped(x.Text, indent + "  ");
            foreach (JournalEntryData c in corrections[x.Id])
            {
                Entry(c, indent + "  ");
            }
        }

        foreach (JournalEntryData x in entries.Where(x => x.CorrectsId is not { } id || !ids.Contains(id)))
        {
            Entry(x, "");
        }
    }

    /// <summary>The personnummer as it is written (YYYYMMDD-NNNN): the extract is the person's own.</summary>
    private static string Formatted(string stored) =>
        stored.Length == 12 ? string.Concat(stored.AsSpan(0, 8), "-", stored.AsSpan(8)) : stored;
}
