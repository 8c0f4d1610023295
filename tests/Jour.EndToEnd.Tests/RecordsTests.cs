using System.Text;
using System.Text.Json;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// The issue's flow in tmux at 80x24: someone not on the case reads a client's LSS journal with a stated
/// reason, and MAS finds that read first in the access log, on screen and in the CSV export.
/// </summary>
public sealed class RecordsTests : IDisposable
{
    private const string Reason = "Brukaren ringde, ordinarie nås ej";
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void EmergencyRead_BySomeoneNotOnTheCase_IsFoundByMas_OnScreenAndInTheExport()
    {
        using var tmux = new Tmux(_jour.Command());
        tmux.WaitFor("Öppna ärenden");

        // A client with a case in Bemannas; Karin Ek (coordinator) has not worked on it and is not on call.
        (int code, string json, string err) = _jour.Run("cases", "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument cases = JsonDocument.Parse(json);
        string client = cases.RootElement.EnumerateArray().First(c => c.GetProperty("state").GetString() == "Staffing").GetProperty("clientName").GetString()!;

        tmux.SwitchUser("Karin Ek");
        tmux.Keys("F5");
        tmux.WaitFor("Brukare");
        tmux.Type("/");
        tmux.Type(client);
        tmux.Keys("Enter");
        tmux.WaitFor("Filter: " + client);
        tmux.Type("j");
        tmux.WaitFor("Nödåtkomst – skäl");
        Assert.DoesNotContain("Samtal med god man", tmux.Screen(), StringComparison.Ordinal);
        tmux.Type(Reason);
        tmux.Keys("Enter");
        string journal = tmux.WaitFor("Samtal med god man").Screen;
        Assert.Contains("NÖDÅTKOMST, skäl: " + Reason, journal, StringComparison.Ordinal);
        Assert.Contains("Journal LSS för " + client, journal, StringComparison.Ordinal);

        tmux.SwitchUser("Lena Wikström");
        tmux.Keys("M-l");
        string log = tmux.WaitFor("Skäl: " + Reason).Screen;
        string first = log.Split('\n').First(l => l.StartsWith('▶'));
        Assert.Contains("Karin Ek", first, StringComparison.Ordinal);
        Assert.Contains("Journal LSS", first, StringComparison.Ordinal);
        Assert.Contains("NÖDÅTKOMST", first, StringComparison.Ordinal);
        Assert.All(log.Split('\n'), l => Assert.True(l.Length <= 80));

        // The export, as MAS: a spreadsheet's CSV with the same read marked as an emergency.
        // The bytes as a file gets them (a process reader would swallow the BOM).
        string file = Path.Combine(_jour.DataDir, "logg.csv");
        var export = new System.Diagnostics.ProcessStartInfo("bash") { RedirectStandardError = true };
        export.ArgumentList.Add("-c");
        export.ArgumentList.Add($"{_jour.Command("access-log --format csv")} > '{file}'");
        export.Environment["JOUR_USER"] = "Lena Wikström";
        using (var process = System.Diagnostics.Process.Start(export)!)
        {
            err = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(60_000));
            Assert.True(process.ExitCode == 0, err);
        }

        byte[] bytes = File.ReadAllBytes(file);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        string csv = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("tid;användare;brukare;vad;grund;ärende;skäl;nödåtkomst\r\n", csv, StringComparison.Ordinal);
        Assert.Contains($";Karin Ek;{client};Journal LSS;NÖDÅTKOMST;;{Reason};ja\r\n", csv, StringComparison.Ordinal);

        // Nobody else reads the log, on the command line either.
        (code, _, err) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Anna Lindqvist" }, "access-log", "--format", "csv");
        Assert.Equal(2, code);
        Assert.Contains("Bara MAS/MAR och administratörer", err, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWithoutACase_AsksForAReason_AndMasFindsTheReadInTheExport()
    {
        // A client with no open case: nobody is on a case of theirs, not even the officer on call.
        (int code, string json, string err) = _jour.Run("clients", "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument clients = JsonDocument.Parse(json);
        (code, string casesJson, err) = _jour.Run("cases", "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument cases = JsonDocument.Parse(casesJson);
        var names = clients.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        var withCase = cases.RootElement.EnumerateArray().Select(c => c.GetProperty("clientName").GetString()!).ToHashSet();
        string client = names.First(n => !withCase.Contains(n) && names.Count(x => x == n) == 1);

        using var tmux = new Tmux(_jour.Command());
        string board = tmux.WaitFor("Öppna ärenden").Screen;
        string line = board.Split('\n').First(l => l.Contains("Inloggad: ", StringComparison.Ordinal));
        string me = line[(line.IndexOf("Inloggad: ", StringComparison.Ordinal) + "Inloggad: ".Length)..].Split(" │")[0].Trim();
        tmux.Keys("F5");
        tmux.WaitFor("Brukare");
        tmux.Type("/");
        tmux.Type(client);
        tmux.Keys("Enter");
        tmux.WaitFor("Filter: " + client);
        tmux.Type("j");
        tmux.WaitFor("Nödåtkomst – skäl");
        tmux.Type(Reason);
        tmux.Keys("Enter");
        tmux.WaitFor("NÖDÅTKOMST, skäl: " + Reason);
        tmux.Keys("Tab");
        tmux.WaitFor("Journal SoL för " + client);

        (code, string text, err) = _jour.RunWith(new Dictionary<string, string> { ["JOUR_USER"] = "Lena Wikström" }, "access-log", "--client", client);
        Assert.True(code == 0, err);
        Assert.Contains($"{me}  {client}  Journal LSS  NÖDÅTKOMST  {Reason}  ja", text, StringComparison.Ordinal);
        Assert.Contains($"{me}  {client}  Journal SoL  NÖDÅTKOMST  {Reason}  ja", text, StringComparison.Ordinal);
        Assert.Contains("2 läsningar, 2 nödåtkomst.", text, StringComparison.Ordinal);
    }
}
