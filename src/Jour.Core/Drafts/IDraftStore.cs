namespace Jour.Core.Drafts;

/// <summary>Where drafts are kept.</summary>
public interface IDraftStore
{
    Draft? FindDraft(string id);

    void SaveDraft(Draft draft);

    void DeleteDraft(string id);
}
