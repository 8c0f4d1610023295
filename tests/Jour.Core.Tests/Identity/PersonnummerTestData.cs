using System.Text.Json;

namespace Jour.Core.Tests.Identity;

/// <summary>
/// Reads the personnummer/meta test vectors from shared/testdata/personnummer, which sits beside the
/// repository root (the directory holding Jour.sln) as ../shared.
/// </summary>
internal static class PersonnummerTestData
{
    private static readonly Lazy<string> _directory = new(FindDirectory);

    public static string Folder => _directory.Value;

    public static IReadOnlyList<IdentityVector> List() => LoadVectors("list.json");

    public static IReadOnlyList<IdentityVector> Interim() => LoadVectors("interim.json");

    public static IReadOnlyList<IdentityVector> OrgNumbers() => LoadVectors("orgnumber.json");

    /// <summary>structured.json flattened: type ("ssn"/"con"), representation ("integer"/"string"), valid, position, input. Integer 0 is left out.</summary>
    public static IReadOnlyList<(string Type, string Kind, bool Valid, int Index, string Input)> Structured()
    {
        using JsonDocument document = Open("structured.json");
        var result = new List<(string, string, bool, int, string)>();
        foreach (JsonProperty type in document.RootElement.EnumerateObject())
        {
            foreach (JsonProperty kind in type.Value.EnumerateObject())
            {
                foreach (JsonProperty validity in kind.Value.EnumerateObject())
                {
                    bool valid = validity.Name switch
                    {
                        "valid" => true,
                        "invalid" => false,
                        _ => throw new InvalidDataException($"Unexpected key '{validity.Name}' in structured.json."),
                    };
                    int index = 0;
                    foreach (JsonElement item in validity.Value.EnumerateArray())
                    {
                        if (item.ValueKind == JsonValueKind.Number)
                        {
                            long integer = item.GetInt64();
                            if (integer != 0)
                            {
                                result.Add((type.Name, kind.Name, valid, index, integer.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                            }
                        }
                        else
                        {
                            result.Add((type.Name, kind.Name, valid, index, item.GetString()!));
                        }

                        index++;
                    }
                }
            }
        }

        return result;
    }

    private static List<IdentityVector> LoadVectors(string fileName)
    {
        using JsonDocument document = Open(fileName);
        var result = new List<IdentityVector>();
        int index = 0;
        foreach (JsonElement e in document.RootElement.EnumerateArray())
        {
            result.Add(new IdentityVector(
                index++,
                e.GetProperty("integer").GetInt64(),
                OptionalString(e, "long_format"),
                e.GetProperty("short_format").GetString()!,
                e.GetProperty("separated_format").GetString()!,
                OptionalString(e, "separated_long"),
                e.GetProperty("valid").GetBoolean(),
                e.GetProperty("type").GetString()!,
                OptionalBool(e, "isMale"),
                OptionalBool(e, "isFemale")));
        }

        return result;
    }

    private static string? OptionalString(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value.GetString() : null;

    private static bool? OptionalBool(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) ? value.GetBoolean() : null;

    private static JsonDocument Open(string fileName) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, fileName)));

    private static string FindDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string inside = Path.Combine(dir.FullName, "shared", "testdata", "personnummer");
            if (Directory.Exists(inside))
            {
                return inside;
            }

            if (File.Exists(Path.Combine(dir.FullName, "Jour.sln")))
            {
                string beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "testdata", "personnummer"));
                if (Directory.Exists(beside))
                {
                    return beside;
                }
            }
        }

        throw new DirectoryNotFoundException(
            $"shared/testdata/personnummer not found above {AppContext.BaseDirectory} (expected beside the repository root as ../shared).");
    }
}
