namespace Jour.Paper;

/// <summary>`--pdf FILE` and `--print` of a command that makes paper.</summary>
internal sealed record PaperArgs(string? Pdf, bool Print);
