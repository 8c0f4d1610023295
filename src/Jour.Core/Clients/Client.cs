namespace Jour.Core.Clients;

/// <summary>A person entitled to personal assistance (brukare).</summary>
public sealed class Client
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The full number, twelve digits (YYYYMMDDNNNC); shown masked except where needed.</summary>
    public string PersonalIdentityNumber { get; set; } = "";

    public Sex Sex { get; set; }

    public string Address { get; set; } = "";

    /// <summary>Door codes, keys: sensitive, every view is logged once the access log exists.</summary>
    public string AccessNote { get; set; } = "";

    public long? ProviderId { get; set; }

    public bool IsSelfEmployer { get; set; }

    public decimal GrantedHoursPerWeek { get; set; }

    public AssistanceBasis Basis { get; set; }

    /// <summary>Competences an assistant must have (lifting, tube feeding, epilepsy, sign language, a language).</summary>
    public List<string> Needs { get; set; } = [];

    /// <summary>Health-care tasks that need a delegation (e.g. insulin, PEG feeding).</summary>
    public List<string> DelegatedTasks { get; set; } = [];

    public List<Representative> Representatives { get; set; } = [];

    /// <summary>Bumped on every save; a save against an older revision is refused.</summary>
    public int Revision { get; set; }

    /// <summary>
    /// A copy that shares nothing a caller could change with this client: its own lists and representatives.
    /// The store hands its kept clients out this way, so no reader changes what the next one reads.
    /// </summary>
    public Client Copy()
    {
        var copy = (Client)MemberwiseClone();
        copy.Needs = [.. Needs];
        copy.DelegatedTasks = [.. DelegatedTasks];
        copy.Representatives = Representatives.ConvertAll(r => r.Copy());
        return copy;
    }
}
