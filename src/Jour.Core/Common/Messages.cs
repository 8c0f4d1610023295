using System.Globalization;
using System.Resources;

namespace Jour.Core.Common;

/// <summary>Localised domain messages (Swedish by default, English available).</summary>
public static class Messages
{
    private static readonly ResourceManager s_resources =
        new("Jour.Core.Resources.Messages", typeof(Messages).Assembly);

    /// <summary>The text for <paramref name="code"/> in the current UI culture, with its arguments filled in.</summary>
    public static string Format(string code, IReadOnlyList<string> args)
    {
        string? template = s_resources.GetString(code, CultureInfo.CurrentUICulture);
        if (template is null)
        {
            return code;
        }

        return args.Count == 0 ? template : string.Format(CultureInfo.CurrentCulture, template, args.ToArray<object>());
    }

    /// <summary>The text for a plain key such as a state or reason name.</summary>
    public static string Get(string key) => s_resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
