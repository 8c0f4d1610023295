namespace Jour.EndToEnd.Tests;

/// <summary>Issue 16: `--out` never reaches the data directory or writes through a link, and no stack trace reaches the terminal.</summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void Out_IntoTheDataDirectoryThroughALink_OrAtALink_IsRefused_TheDatabaseByteIdentical_AndAMissingDirectoryIsOneSwedishLine()
    {
        (int code, _, string err) = _jour.Run("cases");
        Assert.True(code == 0, err);
        (code, _, err) = _jour.Run("server", "--stop");
        Assert.True(code == 0, err);
        string database = Path.Combine(_jour.DataDir, "jour.db");
        byte[] before = File.ReadAllBytes(database);

        // The reported attack, through a link outside that leads into the data directory, with --force.
        string door = Path.Combine(_jour.OutDir, "door");
        Directory.CreateSymbolicLink(door, _jour.DataDir);
        (code, _, err) = _jour.Run("export", "invoice", "--month", "2026-11", "--out", Path.Combine(door, "jour.db"), "--force");
        Assert.Equal(2, code);
        Assert.Contains("ligger i datakatalogen", err, StringComparison.Ordinal);

        // A link at the target is refused even with --force; what it points at is untouched.
        string victim = Path.Combine(_jour.OutDir, "victim.txt");
        File.WriteAllText(victim, "keep");
        string link = Path.Combine(_jour.OutDir, "h.txt");
        File.CreateSymbolicLink(link, victim);
        (code, _, err) = _jour.Run("handover", "--out", link, "--force");
        Assert.Equal(2, code);
        Assert.Contains("är en symbolisk länk", err, StringComparison.Ordinal);
        Assert.Equal("keep", File.ReadAllText(victim));

        (code, string output, err) = _jour.Run("stats", "--format", "csv", "--out", "/nonexistent/s.csv");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Equal("Fel: Katalogen /nonexistent finns inte: skapa den först eller välj en annan plats.", err.Trim());

        Assert.Equal(before, File.ReadAllBytes(database));
        // Made 0755 by the test: tightened to 0750 (the group may reach the socket; nobody but the owner writes).
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute, File.GetUnixFileMode(_jour.DataDir));
    }
}
