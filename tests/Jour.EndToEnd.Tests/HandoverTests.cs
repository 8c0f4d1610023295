using System.Text;

namespace Jour.EndToEnd.Tests;

/// <summary>The handover as a day officer gets it: `jour handover` on the demo, and in tmux a note, a hand-over and the next officer's acknowledgement.</summary>
public sealed class HandoverTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void HandoverOut_OnTheDemo_IsAnActionableSummary_80ColumnsOnA4Pages_AndPrintSaysWhenThereIsNoLp()
    {
        string file = Path.Combine(_jour.OutDir, "h.txt");
        (int code, string output, string err) = _jour.Run("handover", "--out", file);
        Assert.True(code == 0, err);
        Assert.Equal("", output);

        string text = File.ReadAllText(file, Encoding.UTF8);
        foreach (string heading in (string[])["ÖVERLÄMNING", "Tillträdande:", "1. ÄRENDEN SOM KRÄVER ÅTGÄRD NU", "Nästa steg:", "2. OBEMANNADE TIDER", "3. INSATSER", "5. OSIGNERADE TIDSREDOVISNINGAR ÄLDRE ÄN 48 TIMMAR (", "6. SPÄRRADE", "KVITTENS", "sida 1 av"])
        {
            Assert.Contains(heading, text, StringComparison.Ordinal);
        }

        // The demo keeps unsigned reports from earlier months (the follow-up data), so the count is positive, not fixed.
        Assert.Matches(@"5\. OSIGNERADE TIDSREDOVISNINGAR ÄLDRE ÄN 48 TIMMAR \([1-9]\d*\)", text);
        Assert.All(text.Replace("\f", "", StringComparison.Ordinal).Split('\n'), line => Assert.True(line.Length <= 80, line));
        Assert.DoesNotContain("Portkod", text, StringComparison.Ordinal);
        Assert.DoesNotContain("vägen", text, StringComparison.Ordinal);
        Assert.Contains("vägen", _jour.Run("handover", "--with-addresses").Out, StringComparison.Ordinal);

        (code, output, _) = _jour.Run("handover", "--continuity");
        Assert.Equal(0, code);
        Assert.Contains("4. JOURHAVANDE NÄRMASTE 72 TIMMARNA", output, StringComparison.Ordinal);
        Assert.Contains("070-11", output, StringComparison.Ordinal);

        // No lp on the PATH: said plainly, exit 2.
        string empty = Directory.CreateTempSubdirectory("jour-nolp-").FullName;
        (code, _, err) = _jour.RunWith(new Dictionary<string, string> { ["PATH"] = empty }, "handover", "--print");
        Directory.Delete(empty);
        Assert.Equal(2, code);
        Assert.Contains("Ingen skrivare", err, StringComparison.Ordinal);
    }

    [Fact]
    public void AnOfficerWritesANoteAndHandsOver_TheNextSignsInAndAcknowledges()
    {
        // The outgoing officer as the handover itself names them: in the hour after a shift change the
        // rota's current officer is already the incoming one, and they must not hand over to themselves.
        string summary = _jour.Run("handover").Out;
        string leaving = summary.Split('\n').First(l => l.StartsWith("Avgående:", StringComparison.Ordinal))["Avgående:".Length..].Trim();
        using var outgoing = new Tmux(_jour.Command(), env: $"JOUR_USER='{leaving}'");
        outgoing.WaitFor($"Inloggad: {leaving}");
        outgoing.Keys("F7");
        outgoing.WaitFor("1. ÄRENDEN SOM KRÄVER ÅTGÄRD NU");
        outgoing.Keys("n");
        outgoing.WaitFor("Anteckningar");
        outgoing.Type("Ring god man om natten till fredag");
        outgoing.Keys("C-s");
        string screen = outgoing.WaitFor("kvitterar efter inloggning").Screen;
        string line = screen.Split('\n').First(l => l.Contains("kvitterar efter inloggning", StringComparison.Ordinal));
        string incoming = line[(line.IndexOf("; ", StringComparison.Ordinal) + 2)..line.IndexOf(" kvitterar", StringComparison.Ordinal)];

        // The incoming officer signs in in a session of their own (demo users need no PIN).
        using var next = new Tmux(_jour.Command(), env: $"JOUR_USER='{incoming}'");
        next.WaitFor($"Inloggad: {incoming}");
        next.Keys("F7");
        next.WaitFor("Ej kvitterad:");
        // K shows the handed-over notes and summary first; K there asks, j acknowledges.
        next.Keys("k");
        next.WaitFor("ANTECKNINGAR FRÅN");
        next.WaitFor("Ring god man om natten till fredag");
        next.Keys("k");
        next.WaitFor("Kvittera överlämningen från");
        next.Keys("j");
        next.WaitFor($"kvitterad av {incoming}");

        // The outgoing session learns of it at once, and the past handover reads with the note.
        outgoing.WaitFor($"kvitterad av {incoming}");
        next.Keys("h");
        next.WaitFor("Tidigare överlämningar");
        next.Keys("Enter");
        next.WaitFor("ÖVERLÄMNING");
        next.Keys("End");
        next.WaitFor("Ring god man om natten till fredag");
    }
}
