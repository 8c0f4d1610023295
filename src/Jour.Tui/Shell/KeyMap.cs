using System.Text.Json;

namespace Jour.Tui.Shell;

/// <summary>
/// The user's own keys: a JSON object from command name to key or keys, e.g.
/// <c>{"case.note": "M", "global.quit": ["Ctrl+Q", "F10"]}</c>, read from <c>~/.config/jour/keys.json</c> or,
/// when that is missing, <c>keys.json</c> in the data directory. A name or key the file gets wrong is reported
/// in the help and otherwise ignored: a bad key file must not lock an officer out of a command.
/// </summary>
public sealed class KeyMap
{
    private readonly Dictionary<string, string[]> _bindings;

    private KeyMap(Dictionary<string, string[]> bindings, IReadOnlyList<string> problems, string? source)
    {
        _bindings = bindings;
        Problems = problems;
        Source = source;
    }

    /// <summary>The defaults only.</summary>
    public static KeyMap Defaults { get; } = new([], [], null);

    /// <summary>The map in force; set once when the session starts.</summary>
    public static KeyMap Current { get; set; } = Defaults;

    /// <summary>What in the key file could not be used, for the help.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The file read, or null.</summary>
    public string? Source { get; }

    /// <summary>The first of the candidate files that exists, read; the defaults when none does.</summary>
    public static KeyMap Load(IEnumerable<string> candidates)
    {
        string? path = candidates.FirstOrDefault(File.Exists);
        if (path is null)
        {
            return Defaults;
        }

        try
        {
            return Parse(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new KeyMap([], [Format.Text(Resources.UiText.Keys_Unreadable, path)], path);
        }
    }

    /// <summary>Reads a key file's text.</summary>
    public static KeyMap Parse(string json, string source)
    {
        var bindings = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var problems = new List<string>();
        try
        {
            using JsonDocument document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new KeyMap([], [Format.Text(Resources.UiText.Keys_NotAnObject, source)], source);
            }

            foreach (JsonProperty binding in document.RootElement.EnumerateObject())
            {
                string[] specs = binding.Value.ValueKind switch
                {
                    JsonValueKind.String => [binding.Value.GetString()!],
                    JsonValueKind.Array => [.. binding.Value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
                    _ => [],
                };
                string[] bad = [.. specs.Where(s => KeyChord.TryParse(s) is null)];
                if (specs.Length == 0 || bad.Length > 0)
                {
                    problems.Add(Format.Text(Resources.UiText.Keys_BadKey, binding.Name, string.Join(", ", bad)));
                    continue;
                }

                bindings[binding.Name] = specs;
            }
        }
        catch (JsonException)
        {
            return new KeyMap([], [Format.Text(Resources.UiText.Keys_NotJson, source)], source);
        }

        return new KeyMap(bindings, problems, source);
    }

    /// <summary>The keys of <paramref name="name"/>: the user's, else <paramref name="defaults"/> (comma-separated).</summary>
    public IReadOnlyList<KeyChord> KeysFor(string name, string defaults)
    {
        if (_bindings.TryGetValue(name, out string[]? mine))
        {
            return [.. mine.Select(KeyChord.Parse)];
        }

        return defaults.Length == 0 ? [] : [.. defaults.Split(',').Select(KeyChord.Parse)];
    }
}
