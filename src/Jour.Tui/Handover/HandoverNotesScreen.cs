using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Handover;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Handover;

/// <summary>
/// The outgoing officer's notes; saving hands over. The notes are kept as a draft while typed, so leaving
/// the form or losing the connection loses nothing.
/// </summary>
public sealed class HandoverNotesScreen : FormScreen
{
    public const string DraftName = "handover";

    private readonly HandoverScreen _handover;

    public HandoverNotesScreen(ShellView shell, HandoverScreen handover)
        : base(shell, DraftName)
    {
        _handover = handover;
        Add(new FormField("notes", UiText.Handover_NotesLabel) { Limit = TextLimits.HandoverNotes, Hint = _ => UiText.Handover_NotesHint, MultiLine = true });
        RestoreDraft();
    }

    public override string Title => UiText.Handover_NotesTitle;

    protected override string SaveHint => UiText.Hint_HandOver;

    protected override async Task<string> SubmitAsync()
    {
        HandoverRecordData saved = await Shell.Session.Service.SendAsync(new HandoverNotesRequest(Field("notes").Value));
        return saved.IncomingName ?? "?";
    }

    protected override void Submitted(string result)
    {
        _handover.Reload();
        Shell.Pop();
        Shell.Session.RefreshInBackground(() => Shell.UtcNow);
    }
}
