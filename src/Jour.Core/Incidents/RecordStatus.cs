namespace Jour.Core.Incidents;

/// <summary>Where an incident or a complaint stands.</summary>
public enum RecordStatus
{
    Open,
    Investigating,
    Answered,
    Closed,
}
