using System.Globalization;
using System.Text;
using System.Text.Json;
using Jour.Cli;
using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Drafts;
using Jour.Core.Import;
using Jour.Core.Operations;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Protocol;

namespace Jour.Tests;

public sealed class ImportFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("jour-import-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Utf8_with_or_without_a_byte_order_mark_reads_the_same(bool bom)
    {
        byte[] text = Encoding.UTF8.GetBytes("namn;personnummer\nÅsa Öberg;19460823-9986\n");
        byte[] bytes = bom ? [0xEF, 0xBB, 0xBF, .. text] : text;

        ImportFile file = ImportFile.Parse(bytes, "f.csv");

        Assert.Equal(["namn", "personnummer"], file.Columns);
        ImportRow row = Assert.Single(file.Rows);
        Assert.Equal(2, row.Line);
        Assert.Equal(["Åsa Öberg", "19460823-9986"], row.Values);
        Assert.Empty(file.Issues);
    }

    [Fact]
    public void Rows_carry_the_line_they_start_on_past_blank_lines_and_line_breaks_in_quotes()
    {
        ImportFile file = Parse("namn;adress;personnummer\r\nA;x;1\r\n\r\n\"B\";\"Storgatan 1\r\n903 25 Umeå\";2\r\n ;  ; \r\n  C ; \" y \" ;3");

        Assert.Equal([2, 4, 6, 7], file.Rows.Select(r => r.Line));
        Assert.Equal("Storgatan 1\r\n903 25 Umeå", file.Rows[1].Values[1]);
        Assert.Equal(["C", "y", "3"], file.Rows[3].Values);
    }

    [Fact]
    public void Only_semicolons_separate_fields()
    {
        ImportFile file = Parse("namn,personnummer\nAnna,1\n");

        Assert.Equal(["namn,personnummer"], file.Columns);
        Assert.Equal(["Anna,1"], Assert.Single(file.Rows).Values);
    }

    [Fact]
    public void A_quote_that_is_never_closed_is_an_issue_on_its_line_but_a_stray_quote_is_text()
    {
        ImportFile file = Parse("namn;personnummer\nAnna \"Nisse\" Berg;1\n\"Bo;2\nCe;3\n");

        Assert.Equal("Anna \"Nisse\" Berg", file.Rows[0].Values[0]);
        ImportIssue issue = Assert.Single(file.Issues);
        Assert.Equal((3, "", ImportCodes.UnterminatedQuote), (issue.Line, issue.Field, issue.Code));
        Assert.Equal(2, file.Rows.Count);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_issue()
    {
        ImportFile file = Parse("namn;personnummer\n\"An\"na;1\n");

        Assert.Equal(ImportCodes.TextAfterQuote, Assert.Single(file.Issues).Code);
    }

    [Fact]
    public void An_empty_file_has_no_columns_and_no_rows()
    {
        ImportFile file = ImportFile.Parse([0xEF, 0xBB, 0xBF], "f.csv");

        Assert.Empty(file.Columns);
        Assert.Empty(file.Rows);
    }

    [Fact]
    public void A_file_that_is_not_utf8_is_refused_by_name()
    {
        byte[] latin1 = [.. Encoding.ASCII.GetBytes("namn;personnummer\nG"), 0xF6, .. Encoding.ASCII.GetBytes("ran;1\n")];

        var ex = Assert.Throws<CliException>(() => ImportFile.Parse(latin1, "brukare.csv"));

        Assert.Contains("brukare.csv", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UTF-8", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_by_name()
    {
        string path = Path.Combine(_dir, "saknas.csv");

        var ex = Assert.Throws<CliException>(() => ImportFile.Load(path));

        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_on_disk_is_read()
    {
        string path = Path.Combine(_dir, "brukare.csv");
        File.WriteAllText(path, "namn;personnummer\nAnna;195704289999\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        Assert.Equal(["namn", "personnummer"], ImportFile.Load(path).Columns);
    }

    [Fact]
    public void An_issue_reads_row_field_reason_in_swedish()
    {
        CultureInfo ui = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");

            Assert.Equal("rad 4: personnummer: Kontrollsiffran stämmer inte.", ImportCommand.FormatIssue(new ImportIssue(4, "personnummer", "Pnr_Checksum", [])));
            Assert.Equal("rad 7: personnummer: Finns redan (rad 3).", ImportCommand.FormatIssue(new ImportIssue(7, "personnummer", ImportCodes.DuplicateInFile, ["3"])));
            Assert.StartsWith("rad 1: Rubrikraden har inget semikolon.", ImportCommand.FormatIssue(new ImportIssue(1, "", ImportCodes.NoSemicolon, ["namn;personnummer"])), StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentUICulture = ui;
        }
    }

    [Fact]
    public async Task Issues_go_to_stderr_in_line_order_with_exit_code_1_and_success_to_stdout()
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var refused = new ImportResult(3, 1, 0, [new ImportIssue(4, "namn", ImportCodes.Required, [])]);
        ImportIssue quote = new(3, "", ImportCodes.UnterminatedQuote, []);

        int failed = await ImportCommand.ReportAsync(refused, [quote], dryRun: false, "one", "{0} many", output, error);
        int dry = await ImportCommand.ReportAsync(new ImportResult(12, 12, 0, []), [], dryRun: true, "one", "{0} many", output, error);
        int done = await ImportCommand.ReportAsync(new ImportResult(12, 12, 12, []), [], dryRun: false, "one", "{0} many", output, error);

        Assert.Equal((1, 0, 0), (failed, dry, done));
        string[] errors = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, errors.Length);
        Assert.StartsWith(ImportCommand.FormatIssue(quote), errors[0], StringComparison.Ordinal);
        Assert.Contains("4", errors[1], StringComparison.Ordinal);
        string[] lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("12 ", lines[0], StringComparison.Ordinal);
        Assert.Equal("12 many", lines[1]);
    }

    [Fact]
    public void Import_requests_and_results_cross_the_wire_intact()
    {
        var request = new ImportRequest(["namn", "personnummer"], [new ImportRow(2, ["Åsa", "19460823-9986"])], DryRun: true);
        var result = new ImportResult(2, 1, 0, [new ImportIssue(3, "personnummer", ImportCodes.DuplicateInFile, ["2"])]);

        UseCase import = UseCaseCatalog.For(typeof(ImportClients));
        ImportRequest request2 = ((ImportClients)JsonSerializer.Deserialize(JsonSerializer.Serialize(new ImportClients(request), import.RequestJson), import.RequestJson)!).File;
        ImportResult result2 = (ImportResult)JsonSerializer.Deserialize(JsonSerializer.Serialize(result, import.AnswerJson), import.AnswerJson)!;

        Assert.Equal(request.Columns, request2.Columns);
        Assert.Equal((2, true), (request2.Rows[0].Line, request2.DryRun));
        Assert.Equal(request.Rows[0].Values, request2.Rows[0].Values);
        Assert.Equal((2, 1, 0), (result2.Rows, result2.ValidRows, result2.Imported));
        ImportIssue issue = Assert.Single(result2.Issues);
        Assert.Equal((3, "personnummer", ImportCodes.DuplicateInFile, "2"), (issue.Line, issue.Field, issue.Code, Assert.Single(issue.Args)));
    }

    private static ImportFile Parse(string text) => ImportFile.Parse(Encoding.UTF8.GetBytes(text), "f.csv");
}
