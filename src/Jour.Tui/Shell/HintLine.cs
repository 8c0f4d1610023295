namespace Jour.Tui.Shell;

/// <summary>The status line's hints: whole hints only, in priority order, as many as fit, and always the help last.</summary>
public static class HintLine
{
    private const string Gap = "  ";

    /// <param name="hints">Most important first.</param>
    /// <param name="last">The hint that is always shown, at the end (F1 Hjälp).</param>
    /// <param name="width">Columns available.</param>
    public static string Fit(IEnumerable<string> hints, string last, int width)
    {
        var shown = new List<string>();
        int used = last.Length;
        foreach (string hint in hints.Distinct())
        {
            if (used + hint.Length + Gap.Length <= width)
            {
                shown.Add(hint);
                used += hint.Length + Gap.Length;
            }
        }

        shown.Add(last);
        return string.Join(Gap, shown);
    }
}
