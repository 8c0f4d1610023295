namespace Jour.Core.Handover;

/// <summary>Where handovers are kept; they are never deleted, so past ones stay readable.</summary>
public interface IHandoverStore
{
    /// <summary>The newest handovers first, at most <paramref name="max"/>.</summary>
    IReadOnlyList<HandoverRecord> LoadHandovers(int max);

    /// <summary>The newest handover, by id alone (the status bar asks often).</summary>
    HandoverRecord? LatestHandover();

    HandoverRecord? FindHandover(long id);

    HandoverRecord AddHandover(HandoverRecord handover);

    void UpdateHandover(HandoverRecord handover);
}
