namespace Jour.Core.Incidents;

/// <summary>Klagomål or synpunkt.</summary>
public enum ComplaintKind
{
    Complaint,
    Feedback,
}
