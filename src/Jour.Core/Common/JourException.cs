namespace Jour.Core.Common;

/// <summary>
/// A refusal the user can act on. <see cref="Code"/> names a message in <see cref="Messages"/>;
/// front ends show it in the user's language, logs record only the code.
/// </summary>
public sealed class JourException : Exception
{
    public JourException(string code, params string[] args)
        : base(code)
    {
        Code = code;
        Args = args;
    }

    public JourException()
        : this(ErrorCodes.Unexpected)
    {
    }

    public JourException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.Unexpected;
        Args = [];
    }

    public string Code { get; }

    public IReadOnlyList<string> Args { get; }

    /// <summary>The message in the current UI culture.</summary>
    public string Localized => Messages.Format(Code, Args);
}
