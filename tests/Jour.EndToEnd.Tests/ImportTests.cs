using System.Text;
using System.Text.Json;

namespace Jour.EndToEnd.Tests;

public sealed class ImportTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void A_file_with_one_bad_personnummer_imports_nothing_and_the_corrected_file_imports_whole()
    {
        int before = ClientCount();
        string bad = Write("bad.csv", "namn;personnummer;beviljade_timmar\nAlva Ek;19460823-9986;37,5\nBror Ek;000229-2399;\nCilla Ek;19570428-9998;\n");

        (int code, string output, string err) = _jour.Run("import", "clients", bad);

        Assert.True(code == 1, $"exit {code}\n{output}\n{err}");
        Assert.Contains("rad 4: personnummer:", err, StringComparison.Ordinal);
        Assert.DoesNotContain("rad 2", err, StringComparison.Ordinal);
        Assert.Equal(before, ClientCount());

        string good = Write("good.csv", "namn;personnummer;beviljade_timmar\nAlva Ek;19460823-9986;37,5\nBror Ek;000229-2399;\nCilla Ek;19570428-9999;\n");
        (code, output, err) = _jour.Run("import", "clients", good, "--dry-run");
        Assert.True(code == 0, err);
        Assert.Contains("3 rader giltiga, inget importerat.", output, StringComparison.Ordinal);
        Assert.Equal(before, ClientCount());

        (code, output, err) = _jour.Run("import", "clients", good);
        Assert.True(code == 0, err);
        Assert.Contains("Importerade 3 brukare.", output, StringComparison.Ordinal);
        Assert.Equal(before + 3, ClientCount());

        // The same file again doubles nothing: every row is already registered.
        (code, _, err) = _jour.Run("import", "clients", good);
        Assert.Equal(1, code);
        Assert.Contains("rad 2: personnummer: Finns redan i registret.", err, StringComparison.Ordinal);
        Assert.Equal(before + 3, ClientCount());
    }

    [Fact]
    public void A_missing_file_is_exit_code_2_with_its_name()
    {
        string path = Path.Combine(_jour.DataDir, "saknas.csv");

        (int code, _, string err) = _jour.Run("import", "providers", path);

        Assert.Equal(2, code);
        Assert.Contains(path, err, StringComparison.Ordinal);
    }

    private int ClientCount()
    {
        (int code, string json, string err) = _jour.Run("clients", "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument document = JsonDocument.Parse(json);
        return document.RootElement.GetArrayLength();
    }

    private string Write(string name, string text)
    {
        string path = Path.Combine(_jour.DataDir, name);
        File.WriteAllText(path, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        return path;
    }
}
