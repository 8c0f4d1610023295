namespace Jour.Core.Common;

/// <summary>
/// The most characters one kind of text field may hold (<see cref="TextLimits"/>), with the refusal that names
/// the limit. <see cref="Code"/> is a message in Messages.tsv, e.g. "Anteckningen får vara högst 4 000 tecken".
/// </summary>
/// <param name="Field">The field's name in message keys: the message is <c>Error_TooLong_{Field}</c>.</param>
/// <param name="Max">The most characters (UTF-16 code units, as .NET counts a string's length).</param>
public sealed record TextLimit(string Field, int Max)
{
    public string Code => "Error_TooLong_" + Field;

    /// <summary>The limit as a Swedish number ("4 000"), the message's argument.</summary>
    public string MaxText => Max.ToString("N0", SwedishCulture.Instance);

    /// <summary>The refusal in the current UI language.</summary>
    public string Message => Messages.Format(Code, [MaxText]);

    public bool Fits(string? value) => value is null || value.Length <= Max;

    /// <summary>Refuses <paramref name="value"/> with <see cref="Code"/> when it is longer than the limit.</summary>
    /// <exception cref="JourException">The text is too long.</exception>
    public void Check(string? value)
    {
        if (!Fits(value))
        {
            throw Refusal();
        }
    }

    public JourException Refusal() => new(Code, MaxText);
}
