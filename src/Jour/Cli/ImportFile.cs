using System.Globalization;
using System.Text.Unicode;
using CsvHelper;
using Jour.Core.Import;
using Jour.Resources;

namespace Jour.Cli;

/// <summary>
/// A register file as read from disk: the header, each row with the line it starts on, and the rows whose
/// quoting is broken. Only the CSV shape is handled here; the server validates the values.
/// </summary>
internal sealed record ImportFile(IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportIssue> Issues)
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>Reads <paramref name="path"/>; a file that is missing, unreadable or not UTF-8 is a <see cref="CliException"/>.</summary>
    public static ImportFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CliException(Format(CliText.Import_FileMissing, path));
        }
        catch (UnauthorizedAccessException)
        {
            throw new CliException(Format(CliText.Import_FileDenied, path));
        }
        catch (IOException ex)
        {
            throw new CliException(Format(CliText.Import_FileUnreadable, path, ex.Message));
        }

        return Parse(bytes, path);
    }

    /// <summary>Splits UTF-8 bytes (with or without a byte order mark) on semicolons; the first record is the header.</summary>
    public static ImportFile Parse(byte[] bytes, string path)
    {
        ReadOnlyMemory<byte> text = bytes;
        if (text.Span.StartsWith(Utf8Bom))
        {
            text = text[Utf8Bom.Length..];
        }

        // Older case systems export Windows-1252; read as UTF-8 its å, ä and ö would turn into garbage silently.
        if (!Utf8.IsValid(text.Span))
        {
            throw new CliException(Format(CliText.Import_NotUtf8, path));
        }

        var issues = new List<ImportIssue>();
        var options = new CsvReaderOptions
        {
            Separator = ';',
            HasHeader = false,
            DetectSeparatorHint = false,
            TrimWhitespace = true,
            TrimInsideQuotes = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            IncludeValuesInExceptions = false,
            OnMalformedRecord = record =>
            {
                // A stray quote inside a field is kept as text, which is what the writer meant.
                string? code = record.Reason switch
                {
                    CsvMalformedReason.UnterminatedQuote => ImportCodes.UnterminatedQuote,
                    CsvMalformedReason.TextAfterClosingQuote => ImportCodes.TextAfterQuote,
                    _ => null,
                };
                if (code is not null)
                {
                    issues.Add(ImportTable.Issue((int)record.LineNumber, "", code));
                }
            },
        };

        IReadOnlyList<string> columns = [];
        var rows = new List<ImportRow>();
        using CsvReader reader = CsvReader.Create(text, options);
        bool header = true;
        while (reader.Read())
        {
            string[] values = new string[reader.FieldCount];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = reader.GetString(i);
            }

            if (header)
            {
                columns = values;
                header = false;
            }
            else
            {
                rows.Add(new ImportRow((int)reader.LineNumber, values));
            }
        }

        return new ImportFile(columns, rows, issues);
    }

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
