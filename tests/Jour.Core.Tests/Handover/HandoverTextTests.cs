using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Jour.Core.Handover;

namespace Jour.Core.Tests.Handover;

/// <summary>
/// Golden files: the handover text for fixed data and a fixed instant must equal the stored file byte for
/// byte. After a deliberate change, regenerate with JOUR_UPDATE_GOLDEN=1 and review the diff.
/// </summary>
public sealed class HandoverTextTests
{
    private static readonly DateTime s_evening = HandoverFixtures.Local(2026, 11, 23, 18, 45);

    public HandoverTextTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    public static TheoryData<string> Cases => ["empty-night", "busy-night", "busy-night-addresses", "dst-fall-back-2026-10-25", "dst-spring-forward-2027-03-28", "long-names", "continuity-busy"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Paged_MatchesTheGoldenFile_AndEveryLineFits80Columns(string name)
    {
        string text = Render(name);
        AssertFits(text);
        AssertGolden(name, text);
    }

    [Fact]
    public void Compose_IsDeterministic_ForTheSameDataAndTime()
    {
        string first = Render("busy-night");
        string second = Render("busy-night");
        Assert.Equal(first, second);
    }

    [Fact]
    public void Summary_NeverShowsPersonnummerJournalTextOrAccessNotes_AndAddressesOnlyWhenAsked()
    {
        foreach (string name in Cases)
        {
            string text = Render(name);
            Assert.DoesNotContain(HandoverFixtures.SecretNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain("19460823", text, StringComparison.Ordinal);
            Assert.DoesNotContain("4711", text, StringComparison.Ordinal);
            Assert.DoesNotContain(HandoverFixtures.SecretDescription, text, StringComparison.Ordinal);
            Assert.Equal(name == "busy-night-addresses", text.Contains("Storgatan 1", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Sections_ComeInTheIssuesOrder()
    {
        string text = Render("busy-night");
        string[] headings = ["ÖVERLÄMNING", "1. ÄRENDEN", "2. OBEMANNADE", "3. INSATSER", "4. KORTTIDSPLATSER", "5. OSIGNERADE", "6. SPÄRRADE", "7. ANTECKNINGAR", "KVITTENS"];
        int[] at = [.. headings.Select(h => text.IndexOf(h, StringComparison.Ordinal))];
        Assert.DoesNotContain(-1, at);
        Assert.Equal(at.Order(), at);
    }

    [Fact]
    public void BusyNight_ListsWhatTheDayOfficerMustActOn()
    {
        HandoverSummary s = HandoverComposer.Compose(HandoverFixtures.Busy(s_evening), s_evening, new HandoverOptions());
        Assert.Equal(["2026-0103", "2026-0101", "2026-0102"], s.ActionCases.Select(c => c.Number));
        Assert.Equal("Erik Johansson", s.Header.OutgoingName);
        Assert.Equal("Maria Nilsson", s.Header.IncomingName);
        Assert.Equal("Anna Lindqvist", s.Header.NextName);
        Assert.Equal(2, s.Uncovered.Count);
        Assert.Equal(3, s.Deployments.Count);
        Assert.Equal(["Björn Åberg"], s.Blocked);
        Assert.Equal(["2026-0106"], s.HandedBack.Select(h => h.CaseNumber));
        Assert.Equal(["2026-0107"], s.UnsignedReports.Select(h => h.CaseNumber));

        // Kalle, Lena and Sara are deployed tonight; Ali declined, Björn is blocked.
        Assert.Equal(["Ali Mohammed"], s.Pool.Free.Select(m => m.Name));
    }

    [Fact]
    public void FallBackNight_CountsTenHours_AndNamesTheDoubledHour()
    {
        string text = Render("dst-fall-back-2026-10-25");
        Assert.Contains("2026-10-24 22:00–07:00 (10 h)", text, StringComparison.Ordinal);
        Assert.Contains("02:30 sommartid–02:30 vintertid (1 h)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SpringForwardNight_CountsEightHours()
    {
        Assert.Contains("2027-03-27 22:00–07:00 (8 h)", Render("dst-spring-forward-2027-03-28"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_AreNumbered_AndSeparatedByFormFeeds()
    {
        string text = Render("long-names");
        string[] pages = text.Split('\f');
        Assert.True(pages.Length >= 2, $"expected several pages, got {pages.Length}");
        for (int i = 0; i < pages.Length; i++)
        {
            Assert.Equal(HandoverText.PageLines, pages[i].Split('\n').Length - 1);
            Assert.EndsWith($"sida {i + 1} av {pages.Length}\n", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AHandoverJustAfterTheHandOff_IsStillTheOutgoingShifts()
    {
        DateTime justAfter = HandoverFixtures.Local(2026, 11, 23, 19, 20);
        HandoverHeader h = HandoverComposer.Compose(HandoverFixtures.Busy(justAfter), justAfter, new HandoverOptions()).Header;
        Assert.Equal("Erik Johansson", h.OutgoingName);
        Assert.Equal("Maria Nilsson", h.IncomingName);
        Assert.Equal(HandoverFixtures.Local(2026, 11, 23, 19), h.HandOffUtc);
    }

    private static string Render(string name)
    {
        DateTime fallBack = HandoverFixtures.Local(2026, 10, 24, 18, 45);
        DateTime spring = HandoverFixtures.Local(2027, 3, 27, 18, 45);
        DateTime morning = HandoverFixtures.Local(2026, 11, 24, 6, 45);
        return name switch
        {
            "empty-night" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.Empty(morning), morning, new HandoverOptions())),
            "busy-night" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.Busy(s_evening), s_evening, new HandoverOptions())),
            "busy-night-addresses" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.Busy(s_evening), s_evening, new HandoverOptions(WithAddresses: true))),
            "dst-fall-back-2026-10-25" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.FallBack(fallBack), fallBack, new HandoverOptions())),
            "dst-spring-forward-2027-03-28" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.SpringForward(spring), spring, new HandoverOptions())),
            "long-names" => HandoverText.Paged(HandoverComposer.Compose(HandoverFixtures.LongNames(s_evening), s_evening, new HandoverOptions())),
            "continuity-busy" => HandoverText.Paged(HandoverComposer.ComposeContinuity(HandoverFixtures.Busy(s_evening), s_evening, new HandoverOptions())),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    internal static void AssertFits(string text)
    {
        foreach (string line in text.Replace("\f", "", StringComparison.Ordinal).Split('\n'))
        {
            Assert.True(new StringInfo(line).LengthInTextElements <= 80 && line.Length <= 80, $"{line.Length} columns: {line}");
        }
    }

    private static void AssertGolden(string name, string actual, [CallerFilePath] string here = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(here)!, "golden", name + ".txt");
        if (Environment.GetEnvironmentVariable("JOUR_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new UTF8Encoding(false));
        }

        Assert.True(File.Exists(path), $"missing golden file {path} (run with JOUR_UPDATE_GOLDEN=1)");
        Assert.Equal(File.ReadAllText(path, Encoding.UTF8), actual);
    }
}
