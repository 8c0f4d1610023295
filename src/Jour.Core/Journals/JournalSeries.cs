namespace Jour.Core.Journals;

/// <summary>The two journal series a client has, kept together but never shown mixed.</summary>
public enum JournalSeries
{
    /// <summary>Socialtjänstlagen.</summary>
    Sol,

    /// <summary>Lagen om stöd och service till vissa funktionshindrade.</summary>
    Lss,
}
