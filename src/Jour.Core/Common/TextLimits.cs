using Jour.Core.Operations;

namespace Jour.Core.Common;

/// <summary>
/// The one place that says how long each kind of text may be. The use cases refuse longer values (so no
/// screen, command or import walks around them), the screens stop typing at the limit, and the import's dry
/// run reports them by row and column. Generous for real use, and far below LiteDB's 16 MB document limit
/// even when every field of a document is full.
/// </summary>
public static class TextLimits
{
    /// <summary>A person's or organisation's name, a customer reference.</summary>
    public static readonly TextLimit Name = new("Name", 200);

    /// <summary>A phone number as typed (spaces and dashes included).</summary>
    public static readonly TextLimit Phone = new("Phone", 40);

    /// <summary>Personnummer, organisationsnummer, VAT and F-tax numbers as typed.</summary>
    public static readonly TextLimit Number = new("Number", 40);

    public static readonly TextLimit Address = new("Address", 300);

    /// <summary>Door codes, keys and how to get in.</summary>
    public static readonly TextLimit AccessNote = new("AccessNote", 1_000);

    /// <summary>One competence, delegated task, need or the like: a label, not a text.</summary>
    public static readonly TextLimit Term = new("Term", 100);

    /// <summary>Why something was done: a transition, an override, a block, opening a journal.</summary>
    public static readonly TextLimit Reason = new("Reason", 1_000);

    /// <summary>The outcome of a verification step.</summary>
    public static readonly TextLimit Outcome = new("Outcome", 2_000);

    /// <summary>A case note or a note on an assistant's availability.</summary>
    public static readonly TextLimit Note = new("Note", 4_000);

    /// <summary>What a case, an incident or a complaint is about, and what was done.</summary>
    public static readonly TextLimit Description = new("Description", 10_000);

    public static readonly TextLimit JournalEntry = new("JournalEntry", 20_000);

    /// <summary>The outgoing officer's notes at a handover.</summary>
    public static readonly TextLimit HandoverNotes = new("HandoverNotes", 20_000);

    /// <summary>A field of a saved draft: at most the longest field a form has.</summary>
    public static readonly TextLimit DraftField = new("DraftField", 20_000);

    /// <summary>A PIN or password: hashed, never stored, but hashing has a cost too.</summary>
    public static readonly TextLimit Pin = new("Pin", 128);

    /// <summary>The one-time set-up code, with room for spaces or dashes typed between its groups.</summary>
    public static readonly TextLimit SetUpCode = new("SetUpCode", 40);

    /// <summary>A value of an import column that is not one of the fields above.</summary>
    public static readonly TextLimit ImportField = new("ImportField", 4_000);

    /// <summary>The most items a list field (competences, needs, representatives, a draft's fields) may hold.</summary>
    public const int MaxItems = 200;

    /// <summary>Message of a list with more than <see cref="MaxItems"/> items.</summary>
    public const string TooManyItemsCode = "Error_TooManyItems";

    /// <summary>Every item checked against <paramref name="each"/>, and their number against <see cref="MaxItems"/>.</summary>
    /// <exception cref="JourException">An item is too long, or there are too many.</exception>
    public static void CheckEach(IEnumerable<string>? items, TextLimit each)
    {
        if (items is null)
        {
            return;
        }

        int count = 0;
        foreach (string item in items)
        {
            each.Check(item);
            if (++count > MaxItems)
            {
                throw new JourException(TooManyItemsCode, MaxItems.ToString("N0", SwedishCulture.Instance));
            }
        }
    }

    /// <summary>Refuses a list longer than <see cref="MaxItems"/>.</summary>
    public static void CheckCount(int count)
    {
        if (count > MaxItems)
        {
            throw new JourException(TooManyItemsCode, MaxItems.ToString("N0", SwedishCulture.Instance));
        }
    }
}
