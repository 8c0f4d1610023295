using System.Text.Json;

namespace Jour.EndToEnd.Tests;

/// <summary>
/// The flow in tmux at 80x24: someone not on the case reads a client's LSS journal with a stated
/// reason, and MAS finds that read first in the access log, on screen and in the CSV export.
/// </summary>
public sealed class RecordsTests : IDisposable
{
    private const string Reason = "Brukaren ringde, ordinarie nås ej";
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

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
