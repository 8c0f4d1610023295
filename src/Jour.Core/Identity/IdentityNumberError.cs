namespace Jour.Core.Identity;

/// <summary>Why a personnummer, samordningsnummer or organisationsnummer was refused.</summary>
public enum IdentityNumberError
{
    /// <summary>The number was accepted.</summary>
    None,

    /// <summary>Nothing was entered (null, empty or only whitespace).</summary>
    Empty,

    /// <summary>Wrong length, characters or separator, or a serial number of 000.</summary>
    Format,

    /// <summary>The digits do not form a real date (e.g. 30 February, month 13, day 92).</summary>
    Date,

    /// <summary>The Luhn check digit does not match.</summary>
    Checksum,

    /// <summary>A well-formed interim number (a letter in place of the first serial digit); we do not accept these.</summary>
    Interim,

    /// <summary>The birth date is after today.</summary>
    Future,
}
