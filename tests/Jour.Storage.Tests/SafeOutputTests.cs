using System.Text;
using Jour.Core.Common;
using Jour.Storage;

namespace Jour.Storage.Tests;

/// <summary>
/// Where `--out` and backups may write (issue 16): never in the data directory, never through a link, never
/// over a file unless told, always owner-only. Real files: only a file system shows links and modes.
/// </summary>
public sealed class SafeOutputTests : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(false);

    private readonly string _root = Directory.CreateTempSubdirectory("jour-out-").FullName;

    public SafeOutputTests()
    {
        Directory.CreateDirectory(DataDir);
        Directory.CreateDirectory(Outside);
        File.WriteAllText(Database, "the database");
    }

    private string DataDir => Path.Combine(_root, "data");

    private string Outside => Path.Combine(_root, "out");

    private string Database => Path.Combine(DataDir, "jour.db");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void WriteText_NewFile_IsWrittenOwnerOnly_WithNothingLeftBeside()
    {
        string target = Path.Combine(Outside, "x.csv");

        string written = SafeOutput.WriteText(target, DataDir, replace: false, "åäö", s_utf8);

        Assert.Equal(target, written);
        Assert.Equal("åäö", File.ReadAllText(target));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
        }

        Assert.Equal(["x.csv"], Directory.GetFiles(Outside).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteText_OverAnExistingFile_IsRefused_UnlessReplacing()
    {
        string target = Path.Combine(Outside, "x.csv");
        File.WriteAllText(target, "old");

        var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(target, DataDir, replace: false, "new", s_utf8));
        Assert.Equal(ErrorCodes.OutputExists, ex.Code);
        Assert.Equal(target, ex.Args[0]);
        Assert.Equal("old", File.ReadAllText(target));

        SafeOutput.WriteText(target, DataDir, replace: true, "new", s_utf8);
        Assert.Equal("new", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(Outside));
    }

    [Theory]
    [InlineData("jour.db")]
    [InlineData("jour-log.db")]
    [InlineData("logs/x.csv")]
    public void WriteText_IntoTheDataDirectory_IsRefused_EvenReplacing(string relative)
    {
        Directory.CreateDirectory(Path.Combine(DataDir, "logs"));
        string target = Path.Combine(DataDir, relative);

        var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(target, DataDir, replace: true, "x", s_utf8));

        Assert.Equal(ErrorCodes.OutputInDataDirectory, ex.Code);
        Assert.Equal("the database", File.ReadAllText(Database));
        Assert.False(File.Exists(Path.Combine(DataDir, "logs", "x.csv")));
    }

    [Fact]
    public void WriteText_IntoTheDataDirectory_ThroughLinksAndDotDot_IsRefused()
    {
        // The data directory named through a link, and a link outside that leads into it.
        string linkedDataDir = Path.Combine(_root, "data-link");
        Directory.CreateSymbolicLink(linkedDataDir, DataDir);
        string door = Path.Combine(Outside, "door");
        Directory.CreateSymbolicLink(door, DataDir);

        foreach ((string target, string guarded) in new[]
        {
            (Path.Combine(door, "jour.db"), DataDir),
            (Path.Combine(DataDir, "jour.db"), linkedDataDir),
            (Path.Combine(Outside, "..", "data", "jour.db"), DataDir),
            (Path.Combine(door, "..", "out", "..", "data", "jour.db"), linkedDataDir),
        })
        {
            var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(target, guarded, replace: true, "x", s_utf8));
            Assert.Equal(ErrorCodes.OutputInDataDirectory, ex.Code);
        }

        Assert.Equal("the database", File.ReadAllText(Database));
    }

    [Fact]
    public void WriteText_AtALink_IsRefused_EvenReplacing_AndWhatItPointsAtIsUntouched()
    {
        string victim = Path.Combine(Outside, "victim.txt");
        File.WriteAllText(victim, "keep");
        string link = Path.Combine(Outside, "x.csv");
        File.CreateSymbolicLink(link, victim);
        string dangling = Path.Combine(Outside, "y.csv");
        File.CreateSymbolicLink(dangling, Path.Combine(Outside, "nothing-yet"));

        var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(link, DataDir, replace: true, "x", s_utf8));
        var danglingEx = Assert.Throws<JourException>(() => SafeOutput.WriteText(dangling, DataDir, replace: true, "x", s_utf8));

        Assert.Equal(ErrorCodes.OutputIsLink, ex.Code);
        Assert.Equal(ErrorCodes.OutputIsLink, danglingEx.Code);
        Assert.Equal("keep", File.ReadAllText(victim));
        Assert.False(File.Exists(Path.Combine(Outside, "nothing-yet")));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void WriteText_IntoAMissingDirectory_NamesIt()
    {
        string missing = Path.Combine(Outside, "nonexistent");

        var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(Path.Combine(missing, "x.csv"), DataDir, replace: false, "x", s_utf8));

        Assert.Equal(ErrorCodes.OutputNoDirectory, ex.Code);
        Assert.Equal(missing, ex.Args[0]);
    }

    [Fact]
    public void WriteText_AtADirectory_IsRefused()
    {
        var ex = Assert.Throws<JourException>(() => SafeOutput.WriteText(Outside, DataDir, replace: true, "x", s_utf8));

        Assert.Equal(ErrorCodes.OutputIsDirectory, ex.Code);
    }
}
