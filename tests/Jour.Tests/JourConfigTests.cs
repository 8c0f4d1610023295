using Jour.Configuration;

namespace Jour.Tests;

/// <summary>Which account a session trusts to be the server, as the installation names it.</summary>
public sealed class JourConfigTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("jour-config-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private JourPaths Paths(string? installed = null) => new(_root) { InstalledServerUser = installed };

    [Fact]
    public void ServerUserOf_JourJsonNamesIt_BeforeTheInstallationsRecord()
    {
        File.WriteAllText(Paths().Config, """{ "serverUser": " jour " }""");

        Assert.Equal("jour", JourConfig.ServerUserOf(Paths(installed: "other")));
    }

    [Theory]
    [InlineData("""{ "serverUser": "  " }""")]
    [InlineData("""{ "language": "sv" }""")]
    [InlineData("not json")]
    [InlineData(null)]
    public void ServerUserOf_JourJsonNamingNone_OrUnreadable_LeavesItToTheInstallationsRecord(string? jourJson)
    {
        if (jourJson is not null)
        {
            File.WriteAllText(Paths().Config, jourJson);
        }

        Assert.Equal("jour", JourConfig.ServerUserOf(Paths(installed: "jour")));
        Assert.Null(JourConfig.ServerUserOf(Paths()));
        Assert.False(jourJson is null && File.Exists(Paths().Config), "nothing is written");
    }
}
