using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Import;

#pragma warning disable SA1649, CA1711

/// <summary>
/// A register import as read from its file: the header and the rows, not yet validated. Validation
/// happens on the server, which alone can check against the register.
/// </summary>
public sealed record ImportRequest(IReadOnlyList<string> Columns, IReadOnlyList<ImportRow> Rows, bool DryRun);

/// <summary>One data row and the line of the file it starts on (the header is line 1).</summary>
public sealed record ImportRow(int Line, IReadOnlyList<string> Values);

/// <summary>
/// Why a row (or the header, line 1) was refused. <see cref="Field"/> is the column name as written in the
/// file, empty when the problem is not one column's; <see cref="Code"/> names a message in Messages.
/// </summary>
public sealed record ImportIssue(int Line, string Field, string Code, IReadOnlyList<string> Args);

/// <summary>
/// The outcome of an import: <see cref="Imported"/> is 0 unless every row was valid and it was no dry run,
/// because a file is imported whole or not at all.
/// </summary>
public sealed record ImportResult(int Rows, int ValidRows, int Imported, IReadOnlyList<ImportIssue> Issues);
