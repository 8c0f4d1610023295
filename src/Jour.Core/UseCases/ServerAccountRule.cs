namespace Jour.Core.UseCases;

/// <summary>What being the account the server runs as (by the kernel's peer credentials) means for a request.</summary>
public enum ServerAccountRule
{
    /// <summary>Nothing: only sign-in and roles count.</summary>
    NotConsidered,

    /// <summary>Only that account may send it (the set-up code).</summary>
    Required,

    /// <summary>That account may send it without signing in; anyone else needs the sign-in and roles (stopping the server).</summary>
    Suffices,
}
