namespace Jour.Tui.Reports;

/// <summary>
/// Terminal charts readable in monochrome: bars of full blocks (or '#'), a sparkline of eighth blocks
/// (or ' .:-=+*#'), a gauge with the target marked. Values are always printed beside them too.
/// </summary>
public static class Charts
{
    private const string Eighths = "▁▂▃▄▅▆▇█";
    private const string AsciiLevels = ".:-=+*#";

    /// <summary>A bar <paramref name="width"/> wide filled in proportion to value/max; a non-zero value shows at least one cell.</summary>
    public static string Bar(double value, double max, int width, bool ascii)
    {
        int filled = max <= 0 || value <= 0 ? 0 : Math.Clamp((int)Math.Round(value / max * width), 1, width);
        return new string(ascii ? '#' : '█', filled) + new string(' ', width - filled);
    }

    /// <summary>One character per value, scaled to the largest; zero is a baseline dot or the lowest block.</summary>
    public static string Sparkline(IReadOnlyList<double> values, bool ascii)
    {
        double max = values.Count == 0 ? 0 : values.Max();
        string levels = ascii ? AsciiLevels : Eighths;
        return string.Concat(values.Select(v =>
            v <= 0 || max <= 0 ? (ascii ? '_' : ' ') : levels[Math.Clamp((int)Math.Ceiling(v / max * levels.Length) - 1, 0, levels.Length - 1)]));
    }

    /// <summary>[█████░░░░|░░] percent of 100 with the target as '|'; over 100 fills the gauge.</summary>
    public static string Gauge(double percent, double target, int width, bool ascii)
    {
        int inner = Math.Max(1, width - 2);
        int filled = Math.Clamp((int)Math.Round(percent / 100 * inner), 0, inner);
        int mark = Math.Clamp((int)Math.Round(target / 100 * inner), 0, inner - 1);
        var cells = new char[inner];
        for (int i = 0; i < inner; i++)
        {
            cells[i] = i < filled ? (ascii ? '#' : '█') : (ascii ? '.' : '░');
        }

        cells[mark] = '|';
        return "[" + new string(cells) + "]";
    }
}
