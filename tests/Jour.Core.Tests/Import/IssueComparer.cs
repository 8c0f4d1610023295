
using Jour.Core.Import;

namespace Jour.Core.Tests.Import;

/// <summary>Issues are equal when line, field, code and every argument are; the record compares the argument list by reference.</summary>
internal sealed class IssueComparer : IEqualityComparer<ImportIssue>
{
    public static readonly IssueComparer Instance = new();

    public bool Equals(ImportIssue? x, ImportIssue? y) =>
        x is not null && y is not null
        && (x.Line, x.Field, x.Code) == (y.Line, y.Field, y.Code)
        && x.Args.SequenceEqual(y.Args);

    public int GetHashCode(ImportIssue obj) => HashCode.Combine(obj.Line, obj.Field, obj.Code);
}
