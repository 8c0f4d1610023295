using System.Globalization;
using Jour.Cli;

namespace Jour.Tests;

/// <summary>No stack trace reaches a terminal (issue 16): a file failure is one line that names the path.</summary>
public sealed class CommandFailureTests
{
    public CommandFailureTests()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
    }

    [Fact]
    public void ForIo_NamesThePath_InSwedish_OnOneLine()
    {
        string denied = CommandFailure.ForIo(new UnauthorizedAccessException("Access to the path '/srv/jour/jour.db' is denied."));
        string missing = CommandFailure.ForIo(new DirectoryNotFoundException("Could not find a part of the path '/nonexistent/x.csv'."));

        Assert.Equal("Fel: du saknar behörighet till /srv/jour/jour.db.", denied);
        Assert.Equal("Fel: katalogen i /nonexistent/x.csv finns inte.", missing);
    }

    [Fact]
    public void Unexpected_GivesAnId_AndNoDetails()
    {
        string dir = Directory.CreateTempSubdirectory("jour-fail-").FullName;
        try
        {
            string line = CommandFailure.Unexpected(new InvalidOperationException("Åsa Öberg 19460823-9986"), dir);

            Assert.Matches(@"^Fel: något oväntat gick fel \(id [0-9a-f]{8}\)\. ", line);
            Assert.DoesNotContain("Åsa", line, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', line);
            string id = line.Substring(line.IndexOf("(id ", StringComparison.Ordinal) + 4, 8);
            string log = string.Join("\n", Directory.GetFiles(Path.Combine(dir, "logs")).Select(File.ReadAllText));
            Assert.Contains($"Unexpected failure {id}: System.InvalidOperationException", log, StringComparison.Ordinal);
            Assert.DoesNotContain("Åsa", log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
