namespace Jour.Core.Staff;

/// <summary>A deployable assistant in the standby pool (beredskapspersonal).</summary>
public sealed class StandbyAssistant
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    public List<string> Competences { get; set; } = [];

    public decimal WeeklyHourLimit { get; set; } = 40;

    public bool IsBlocked { get; set; }
}
