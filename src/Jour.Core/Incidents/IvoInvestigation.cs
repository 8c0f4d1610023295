namespace Jour.Core.Incidents;

/// <summary>
/// An investigation of the operation by IVO (tillsyn): IVO's reference, when it was opened, what it is about, the day
/// the beställare (the municipality's committee) was told, which seed 000 asks the operator to do on its own
/// initiative, and when it closed with what outcome. Dates are local days, yyyy-MM-dd; empty until they happen.
/// </summary>
public sealed class IvoInvestigation
{
    public long Id { get; set; }

    /// <summary>IVO's reference (diarienummer), as IVO writes it.</summary>
    public string Reference { get; set; } = "";

    public string OpenedOn { get; set; } = "";

    public string Subject { get; set; } = "";

    public string CommissionerToldOn { get; set; } = "";

    public string ClosedOn { get; set; } = "";

    public string Outcome { get; set; } = "";

    public long RegisteredBy { get; set; }

    public DateTime RegisteredUtc { get; set; }

    public int Revision { get; set; }
}
