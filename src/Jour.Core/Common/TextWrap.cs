namespace Jour.Core.Common;

/// <summary>Text broken into lines for a terminal: between words where there is one, each paragraph on its own.</summary>
public static class TextWrap
{
    /// <summary>Lines of at most <paramref name="width"/> columns (at least 10).</summary>
    public static IEnumerable<string> Lines(string text, int width)
    {
        width = Math.Max(10, width);
        foreach (string paragraph in text.Split('\n'))
        {
            string rest = paragraph.TrimEnd();
            while (rest.Length > width)
            {
                int cut = rest.LastIndexOf(' ', width);
                cut = cut <= 0 ? width : cut;
                yield return rest[..cut];
                rest = rest[cut..].TrimStart();
            }

            yield return rest;
        }
    }
}
