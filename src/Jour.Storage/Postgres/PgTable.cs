using System.Text.Json.Serialization.Metadata;

namespace Jour.Storage.Postgres;

/// <summary>
/// One table's columns, named once: its INSERT, upsert, UPDATE and the move's and the generator's COPY are all built
/// from this list, and every statement takes a row's values from the same functions, so the SQL and the COPY cannot
/// name different columns or put them in a different order. The first column is the key; the document, <c>doc</c>
/// (jsonb), is always the last. Parameters are named after their columns.
/// </summary>
internal sealed class PgTable<T>
{
    private readonly (string Name, Func<T, object?> Value)[] _columns;

    public PgTable(string name, JsonTypeInfo<T> info, params (string Name, Func<T, object?> Value)[] columns)
    {
        Name = name;
        Info = info;
        _columns = [.. columns, ("doc", item => PgDocuments.Write(item, info))];
        string key = _columns[0].Name;
        string names = string.Join(", ", _columns.Select(c => c.Name));
        string[] rest = [.. _columns.Skip(1).Select(c => c.Name)];
        string set = string.Join(", ", rest.Select(c => $"{c} = {Parameter(c)}"));

        Insert = $"INSERT INTO {name} ({names}) VALUES ({string.Join(", ", _columns.Select(c => Parameter(c.Name)))})";
        InsertOnce = $"{Insert} ON CONFLICT ({key}) DO NOTHING";
        Upsert = $"{Insert} ON CONFLICT ({key}) DO UPDATE SET {string.Join(", ", rest.Select(c => $"{c} = excluded.{c}"))}";
        Update = $"UPDATE {name} SET {set} WHERE {key} = @{key}";
        UpdateAtRevision = $"{Update} AND revision = @expected";
        CopyIn = $"COPY {name} ({names}) FROM STDIN";
    }

    public string Name { get; }

    public JsonTypeInfo<T> Info { get; }

    /// <summary>For a table whose key is an identity: sets a new row's id (assigned before its insert, so the document carries it).</summary>
    public Action<T, long>? SetId { get; init; }

    /// <summary><c>INSERT INTO t (columns) VALUES (parameters)</c>.</summary>
    public string Insert { get; }

    /// <summary>The insert, doing nothing when the key is there already.</summary>
    public string InsertOnce { get; }

    /// <summary>The insert, or else every column but the key replaced.</summary>
    public string Upsert { get; }

    /// <summary>Every column but the key replaced, in the row with the key.</summary>
    public string Update { get; }

    /// <summary>The update, only while the stored revision is still <c>@expected</c>.</summary>
    public string UpdateAtRevision { get; }

    /// <summary><c>COPY t (columns) FROM STDIN</c>, in the order of <see cref="Row"/>.</summary>
    public string CopyIn { get; }

    /// <summary>The row's parameters, one per column, in order, named after the columns; the document last.</summary>
    public (string Name, object? Value)[] Row(T item) => [.. _columns.Select(c => (c.Name, c.Value(item)))];

    /// <summary>The values of the named <paramref name="columns"/> of a row, as its insert writes them (a name not in the list fails here, at once).</summary>
    public Func<T, object?[]> ValuesOf(string[] columns)
    {
        Func<T, object?>[] values = [.. columns.Select(name => _columns.Single(c => c.Name == name).Value)];
        return item => [.. values.Select(value => value(item))];
    }

    /// <summary>The key of an identity table's row (0: a new row, which takes the identity's next).</summary>
    public long IdOf(T item) => (long)_columns[0].Value(item)!;

    private static string Parameter(string column) => column == "doc" ? "@doc::jsonb" : "@" + column;
}
