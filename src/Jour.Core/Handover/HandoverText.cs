using System.Globalization;
using System.Text;
using Jour.Core.Common;
using NodaTime;
using NodaTime.Calendars;

namespace Jour.Core.Handover;

/// <summary>
/// Draws a handover as text: at most 80 columns, long lines wrapped on words, and for paper A4 pages with
/// "sida 1 av 3" and form feeds. Deterministic: the same summary gives the same text.
/// </summary>
public static class HandoverText
{
    public const int Width = 80;

    /// <summary>Lines on an A4 page at 6 lines per inch with the printer's margins, the footer included.</summary>
    public const int PageLines = 60;

    private const int Label = 15;
    private const int Indent = 4;

    /// <summary>The summary as lines, for the screen and for storing with the handover.</summary>
    public static IReadOnlyList<string> Lines(HandoverSummary summary) => Flatten(Blocks(summary));

    public static IReadOnlyList<string> Lines(ContinuitySummary summary) => Flatten(Blocks(summary));

    /// <summary>The summary on A4 pages, for a file or a printer.</summary>
    public static string Paged(HandoverSummary summary) =>
        Paginate(Blocks(summary), Messages.Format("Handover_FooterTitle", [Local(summary.Header.AtUtc)]));

    public static string Paged(ContinuitySummary summary) =>
        Paginate(Blocks(summary), Messages.Format("Handover_ContinuityFooter", [Local(summary.Header.AtUtc)]));

    /// <summary>Stored lines (a past handover) on A4 pages.</summary>
    public static string Paged(IReadOnlyList<string> lines, DateTime atUtc) =>
        Paginate([.. lines.Select(l => (IReadOnlyList<string>)[l])], Messages.Format("Handover_FooterTitle", [Local(atUtc)]));

    public static IReadOnlyList<IReadOnlyList<string>> Blocks(HandoverSummary s)
    {
        var w = new Writer();
        HeaderBlock(w, s.Header, Messages.Get("Handover_Title"), continuity: false);

        w.Section(Messages.Format("Handover_S1", [Count(s.ActionCases.Count)]));
        foreach (ActionCase c in s.ActionCases)
        {
            w.Item(
                (Messages.Format("Handover_Case", [c.Number, Messages.Get("Urgency_" + c.Urgency), Messages.Get("State_" + c.State), c.ClientName, c.ProviderName]), 0),
                (Messages.Format("Handover_Received", [Local(c.ReceivedUtc), Duration(s.Header.AtUtc - c.ReceivedUtc)]), Indent),
                (Messages.Format("Handover_NextStep", [c.NextStep]), Indent),
                (c.Address is { } a ? Messages.Format("Handover_Address", [a]) : null, Indent));
        }

        w.EmptyAsNone(s.ActionCases.Count);
        w.Section(Messages.Format("Handover_S2", [Count(s.Uncovered.Count)]));
        foreach (UncoveredWindow u in s.Uncovered)
        {
            WindowItem(w, u);
        }

        w.EmptyAsNone(s.Uncovered.Count);
        w.Section(Messages.Format("Handover_S3", [Count(s.Deployments.Count)]));
        foreach (PlannedDeployment d in s.Deployments)
        {
            DeploymentItem(w, d);
        }

        w.EmptyAsNone(s.Deployments.Count);
        w.Section(Messages.Get("Handover_S4"));
        w.Item((Messages.Format("Handover_Placements", [Count(s.ShortTermPlacements.Count)]), 0));
        foreach (CaseMark m in s.ShortTermPlacements)
        {
            w.Item((Messages.Format("Handover_PlacementCase", [m.CaseNumber, m.ClientName, Local(m.AtUtc)]), Indent));
        }

        w.Item((Messages.Format("Handover_HandedBack", [Count(s.HandedBack.Count)]), 0));
        foreach (CaseMark m in s.HandedBack)
        {
            w.Item((Messages.Format("Handover_HandedBackCase", [m.CaseNumber, m.ClientName, Local(m.AtUtc)]), Indent));
        }

        w.Section(Messages.Format("Handover_S5", [Count(s.UnsignedReports.Count)]));
        foreach (UnsignedReport r in s.UnsignedReports)
        {
            w.Item((Messages.Format("Handover_Unsigned", [r.CaseNumber, r.ClientName, r.AssistantName, Span(r.FromUtc, r.ToUtc)]), 0));
        }

        w.EmptyAsNone(s.UnsignedReports.Count);
        if (s.AwaitingMas is { Count: > 0 } awaiting)
        {
            w.Item((Messages.Format("Handover_AwaitingMas", [Count(awaiting.Count)]), 0));
            foreach (AwaitingMas i in awaiting)
            {
                string who = i.ClientName.Length > 0 ? ", " + i.ClientName : "";
                w.Item((Messages.Format("Handover_AwaitingMasItem", [Count(i.Id), Messages.Get("IncidentKind_" + i.Kind), Local(i.OccurredUtc)]) + who, Indent));
            }
        }

        w.Section(Messages.Get("Handover_S6"));
        w.Item((Messages.Format("Handover_Blocked", [s.Blocked.Count == 0 ? Messages.Get("Handover_NoneShort") : string.Join(", ", s.Blocked)]), 0));
        if (s.Pool.FromUtc is { } from && s.Pool.ToUtc is { } to)
        {
            w.Item((Messages.Format("Handover_Free", [Span(from, to), Count(s.Pool.Free.Count), Count(s.Pool.PoolSize)]), 0));
            foreach (PoolMember m in s.Pool.Free)
            {
                MemberItem(w, m);
            }
        }
        else
        {
            w.Item((Messages.Get("Handover_NoNextShift"), 0));
        }

        w.Section(Messages.Get("Handover_S7"));
        string[] notes = s.Notes.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        foreach (string note in notes)
        {
            w.Item((note.Trim(), 0));
        }

        if (notes.Length == 0)
        {
            w.Item((Messages.Get("Handover_NoNotes"), 0));
        }

        w.Section(Messages.Get("Handover_S8"));
        w.Item((Messages.Get("Handover_AckLine"), 0), ("", 0), (Messages.Get("Handover_AckSign"), 0));
        return w.Blocks;
    }

    public static IReadOnlyList<IReadOnlyList<string>> Blocks(ContinuitySummary s)
    {
        var w = new Writer();
        HeaderBlock(w, s.Header, Messages.Get("Handover_ContinuityTitle"), continuity: true);

        w.Section(Messages.Format("Handover_C1", [Count(s.Cases.Count)]));
        foreach (ContinuityCase c in s.Cases)
        {
            var lines = new List<(string?, int)>
            {
                (Messages.Format("Handover_Case", [c.Number, Messages.Get("Urgency_" + c.Urgency), Messages.Get("State_" + c.State), c.ClientName, c.ProviderName]), 0),
                (c.ProviderPhone.Length > 0 ? Messages.Format("Handover_ProviderPhone", [c.ProviderPhone]) : null, Indent),
                (c.CallerName.Length > 0 || c.CallerPhone.Length > 0 ? Messages.Format("Handover_Caller", [c.CallerName, c.CallerPhone]) : null, Indent),
                (c.Address is { } a ? Messages.Format("Handover_Address", [a]) : null, Indent),
            };
            foreach (UncoveredWindow n in c.Needs)
            {
                lines.Add((Messages.Format("Handover_Need", [Span(n.FromUtc, n.ToUtc), Count(n.Confirmed), Count(n.Assistants)]) + Needs(n.Competences), Indent));
            }

            if (c.Needs.Count == 0)
            {
                lines.Add((Messages.Get("Handover_NoNeeds"), Indent));
            }

            w.Item([.. lines]);
        }

        w.EmptyAsNone(s.Cases.Count);
        w.Section(Messages.Format("Handover_C2", [Count(s.Deployments.Count)]));
        foreach (PlannedDeployment d in s.Deployments)
        {
            DeploymentItem(w, d);
        }

        w.EmptyAsNone(s.Deployments.Count);
        w.Section(Messages.Format("Handover_C3", [Count(s.Pool.Count)]));
        foreach (PoolMember m in s.Pool)
        {
            MemberItem(w, m);
        }

        w.EmptyAsNone(s.Pool.Count);
        w.Item((Messages.Format("Handover_Blocked", [s.Blocked.Count == 0 ? Messages.Get("Handover_NoneShort") : string.Join(", ", s.Blocked)]), 0));
        w.Section(Messages.Get("Handover_C4"));
        foreach (OfficerShift shift in s.Rotation)
        {
            string who = shift.OfficerName is { } name ? $"{name} {shift.OfficerPhone}".TrimEnd() : Messages.Get("Handover_Gap");
            w.Item(($"{Span(shift.FromUtc, shift.ToUtc)}  {who}", 0));
        }

        w.EmptyAsNone(s.Rotation.Count);
        return w.Blocks;
    }

    /// <summary>"2026-11-23 07:00"; an hour the fall-back night has twice says which one.</summary>
    public static string Local(DateTime utc)
    {
        LocalDateTime local = SwedishTime.ToLocal(utc);
        return string.Create(CultureInfo.InvariantCulture, $"{local.Year:0000}-{local.Month:00}-{local.Day:00} {Clock(local)}") + Season(local, utc);
    }

    // Formatted by hand: thousands of times per handover, and the pattern machinery showed in the profile.
    private static string Clock(LocalDateTime local) => string.Create(CultureInfo.InvariantCulture, $"{local.Hour:00}:{local.Minute:00}");

    /// <summary>"2026-11-23 22:00–07:00 (9 h)": the end's date only when it is not the next morning; the elapsed hours show a DST night.</summary>
    public static string Span(DateTime fromUtc, DateTime toUtc)
    {
        LocalDateTime from = SwedishTime.ToLocal(fromUtc);
        LocalDateTime to = SwedishTime.ToLocal(toUtc);
        bool sameOrNextMorning = to.Date == from.Date || (to.Date == from.Date.PlusDays(1) && to.TimeOfDay <= from.TimeOfDay);
        string end = sameOrNextMorning ? Clock(to) + Season(to, toUtc) : Local(toUtc);
        return $"{Local(fromUtc)}–{end} ({Duration(toUtc - fromUtc)})";
    }

    /// <summary>"9 h", "8 h 30 min", "25 min".</summary>
    public static string Duration(TimeSpan span)
    {
        long minutes = Math.Max(0, (long)Math.Round(span.TotalMinutes));
        long hours = minutes / 60;
        long rest = minutes % 60;
        return hours == 0
            ? Messages.Format("Handover_Minutes", [Count(rest)])
            : rest == 0 ? Messages.Format("Handover_Hours", [Count(hours)]) : Messages.Format("Handover_HoursMinutes", [Count(hours), Count(rest)]);
    }

    /// <summary>Wraps on words to <see cref="Width"/>; continuation lines are indented two more than the first.</summary>
    public static IEnumerable<string> Wrap(string text, int indent)
    {
        string first = new(' ', indent);
        if (indent + text.Length <= Width)
        {
            // Fits: spacing that lines things up is kept as written.
            yield return first + text;
            yield break;
        }

        string hang = new(' ', Math.Min(indent + 2, Width / 2));
        var line = new StringBuilder(first);
        bool empty = true;
        foreach (string raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            string word = raw;
            int room = Width - line.Length - (empty ? 0 : 1);
            if (word.Length <= room)
            {
                line.Append(empty ? "" : " ").Append(word);
                empty = false;
                continue;
            }

            if (!empty)
            {
                yield return line.ToString();
                line.Clear().Append(hang);
            }

            // A word longer than a whole line is cut where the line ends.
            while (word.Length > Width - line.Length)
            {
                int cut = Width - line.Length;
                yield return line.Append(word[..cut]).ToString();
                line.Clear().Append(hang);
                word = word[cut..];
            }

            line.Append(word);
            empty = false;
        }

        yield return empty ? "" : line.ToString();
    }

    private static void HeaderBlock(Writer w, HandoverHeader h, string title, bool continuity)
    {
        string demo = h.IsDemo ? Messages.Get("Handover_Demo") : "";
        string top = demo.Length == 0 ? title : title + new string(' ', Math.Max(1, Width - title.Length - demo.Length)) + demo;
        int week = WeekYearRules.Iso.GetWeekOfWeekYear(SwedishTime.ToLocal(h.AtUtc).Date);
        string nobody = Messages.Get("Handover_Nobody");
        var lines = new List<(string?, int)>
        {
            (top.Length <= Width ? top : title, 0),
            (demo.Length > 0 && top.Length > Width ? demo : null, 0),
            (Labelled("Handover_Created", Messages.Format("Handover_CreatedValue", [Local(h.AtUtc), Count(week)])), 0),
            (continuity ? Labelled("Handover_Covers", $"{Local(h.AtUtc)} – {Local(h.AtUtc + HandoverComposer.ContinuityHorizon)}") : Labelled("Handover_Period", $"{Local(h.PeriodFromUtc)} – {Local(h.PeriodToUtc)}"), 0),
            (continuity ? null : Labelled("Handover_Outgoing", h.OutgoingName ?? nobody), 0),
            (Labelled("Handover_Incoming", h.HandOffUtc is { } at ? Messages.Format("Handover_FromTime", [h.IncomingName ?? nobody, Local(at)]) : nobody), 0),
            (h.NextHandOffUtc is { } next ? Labelled("Handover_Then", Messages.Format("Handover_FromTime", [h.NextName ?? nobody, Local(next)])) : null, 0),
            (h.WithAddresses ? Labelled("Handover_Addresses", Messages.Get("Handover_AddressesShown")) : null, 0),
            (!continuity && h.ContractExtensionDue is { } end ? ContractLine(end, h.AtUtc) : null, 0),
            (continuity ? Messages.Get("Handover_ContinuityIntro") : null, 0),
        };
        w.Item([.. lines]);
    }

    /// <summary>The contract's two-week notice (seed 000): the extension must be decided, or it has run out.</summary>
    private static string ContractLine(DateOnly end, DateTime atUtc)
    {
        string day = end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return SwedishTime.ToLocal(atUtc).Date.ToDateOnly() > end
            ? Messages.Format("Handover_ContractEnded", [day])
            : Messages.Format("Handover_ContractExtension", [day]);
    }

    private static string Labelled(string key, string value)
    {
        string label = Messages.Get(key);
        return label.PadRight(Label) + value;
    }

    private static void WindowItem(Writer w, UncoveredWindow u) =>
        w.Item(
            (Messages.Format("Handover_Window", [u.CaseNumber, u.ClientName, Span(u.FromUtc, u.ToUtc), Count(u.Assistants - u.Confirmed), Count(u.Assistants)]) + Needs(u.Competences), 0),
            (u.Address is { } a ? Messages.Format("Handover_Address", [a]) : null, Indent));

    private static void DeploymentItem(Writer w, PlannedDeployment d)
    {
        string state = Messages.Get("Deployment_" + d.State);
        if (!d.IsConfirmed)
        {
            state = $"{Messages.Get("Handover_NotConfirmed")} ({state})";
        }

        if (d.NeedsReplacement)
        {
            state += ", " + Messages.Get("Handover_Replacement");
        }

        w.Item(
            ($"{Span(d.FromUtc, d.ToUtc)}  {d.AssistantName} {d.AssistantPhone}".TrimEnd(), 0),
            (Messages.Format("Handover_DeploymentTo", [d.CaseNumber, d.ClientName, state]), Indent),
            (d.Address is { } a ? Messages.Format("Handover_Address", [a]) : null, Indent));
    }

    private static void MemberItem(Writer w, PoolMember m)
    {
        string competences = m.Competences.Count > 0 ? $" ({string.Join(", ", m.Competences)})" : "";
        w.Item(($"{m.Name} {m.Phone}".TrimEnd() + competences, Indent));
    }

    private static string Needs(IReadOnlyList<string> competences) =>
        competences.Count == 0 ? "" : ", " + Messages.Format("Handover_Needs", [string.Join(", ", competences)]);

    private static string Count(long n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Season(LocalDateTime local, DateTime utc)
    {
        // Stockholm's clocks go back from 03:00 to 02:00: only an hour starting with 02 can happen twice.
        if (local.Hour != 2 || SwedishTime.Zone.MapLocal(local).Count != 2)
        {
            return "";
        }

        Offset offset = SwedishTime.Zone.GetUtcOffset(Instant.FromDateTimeUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
        return " " + Messages.Get(offset == Offset.FromHours(2) ? "Handover_Summer" : "Handover_Winter");
    }

    private static List<string> Flatten(IReadOnlyList<IReadOnlyList<string>> blocks) => [.. blocks.SelectMany(b => b)];

    /// <summary>
    /// A4 pages: blocks kept whole where they fit, a footer with the title and "sida N av M" at the foot of
    /// each page, a form feed before every page after the first.
    /// </summary>
    private static string Paginate(IReadOnlyList<IReadOnlyList<string>> blocks, string title)
    {
        int room = PageLines - 2;
        var pages = new List<List<string>> { new() };
        foreach (IReadOnlyList<string> block in blocks)
        {
            List<string> page = pages[^1];
            if (page.Count > 0 && page.Count + block.Count > room && block.Count <= room)
            {
                pages.Add(page = []);
            }

            foreach (string line in block)
            {
                if (page.Count == room)
                {
                    pages.Add(page = []);
                }

                if (page.Count == 0 && line.Length == 0)
                {
                    continue;
                }

                page.Add(line);
            }
        }

        var text = new StringBuilder();
        for (int i = 0; i < pages.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\f');
            }

            foreach (string line in pages[i])
            {
                text.Append(line).Append('\n');
            }

            for (int pad = pages[i].Count; pad < room; pad++)
            {
                text.Append('\n');
            }

            string number = Messages.Format("Handover_Page", [Count(i + 1), Count(pages.Count)]);
            string footer = title.Length + number.Length + 1 <= Width ? title + new string(' ', Width - title.Length - number.Length) + number : number.PadLeft(Width);
            text.Append('\n').Append(footer).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Collects blocks: a section heading sticks to the item after it, so it never ends a page alone.</summary>
    private sealed class Writer
    {
        private readonly List<string> _pending = [];
        private int _sinceSection;

        public List<IReadOnlyList<string>> Blocks { get; } = [];

        public void Section(string title)
        {
            Flush();
            _pending.Add("");
            _pending.Add(title);
            _pending.Add(new string('-', Math.Min(Width, title.Length)));
            _sinceSection = 0;
        }

        public void Item(params (string? Text, int Indent)[] lines)
        {
            var block = new List<string>(_pending);
            _pending.Clear();
            foreach ((string? text, int indent) in lines)
            {
                if (text is not null)
                {
                    block.AddRange(Wrap(text, indent));
                }
            }

            Blocks.Add(block);
            _sinceSection++;
        }

        public void EmptyAsNone(int count)
        {
            if (count == 0 && _sinceSection == 0)
            {
                Item((Messages.Get("Handover_None"), 0));
            }
        }

        private void Flush()
        {
            if (_pending.Count > 0)
            {
                Blocks.Add([.. _pending]);
                _pending.Clear();
            }
        }
    }
}
