using System.Text;
using Jour.Core.Common;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// A one-line text entry on the bottom row (like a k9s or vim command line). What is typed stays
/// in <see cref="Text"/> until the owner clears it, so a refused save loses nothing.
/// </summary>
public sealed class PromptLine
{
    private readonly StringBuilder _text = new();
    private Action<string>? _onSubmit;
    private Action? _onCancel;
    private Action<string>? _onChange;
    private TextLimit? _limit;
    private string? _draftKey;

    // What was typed and left with Esc (or by switching screens), per field, until it is saved: a note begun at
    // 03:10 and interrupted by a call is still there when the officer presses N again.
    private readonly Dictionary<string, string> _drafts = [];

    public bool IsActive { get; private set; }

    public string Label { get; private set; } = "";

    public string Text => _text.ToString();

    /// <summary>Shows dots instead of what is typed (PINs).</summary>
    public bool Secret { get; private set; }

    /// <summary>Why the last submit was refused, shown beside the field.</summary>
    public string Error { get; set; } = "";

    /// <summary>The longest text this field takes (<see cref="TextLimits"/>); null: as long as the line allows.</summary>
    public TextLimit? Limit => _limit;

    /// <param name="label">Shown before the field.</param>
    /// <param name="onSubmit">Called with the text on Enter.</param>
    /// <param name="onCancel">Called on Esc.</param>
    /// <param name="initial">The text the field starts with.</param>
    /// <param name="secret">Dots instead of the text (PINs).</param>
    /// <param name="onChange">Called after each change.</param>
    /// <param name="limit">
    /// The field's limit: a key that would go past it is not typed and the limit's message is shown, where the
    /// user types rather than after a round trip (the server refuses it too).
    /// </param>
    /// <param name="draft">
    /// Names the field (<c>case.12.note</c>) so that text left with Esc is there again when it is opened next;
    /// <see cref="Close"/> after a save forgets it. Never for secrets.
    /// </param>
    public void Open(string label, Action<string> onSubmit, Action? onCancel = null, string initial = "", bool secret = false, Action<string>? onChange = null, TextLimit? limit = null, string? draft = null)
    {
        Label = label;
        _limit = limit;
        _draftKey = secret ? null : draft;
        _text.Clear().Append(_draftKey is not null && _drafts.TryGetValue(_draftKey, out string? kept) ? kept : initial);
        _onSubmit = onSubmit;
        _onCancel = onCancel;
        _onChange = onChange;
        Secret = secret;
        Error = "";
        IsActive = true;
    }

    /// <summary>Done with the field (saved): its draft is forgotten.</summary>
    public void Close()
    {
        if (_draftKey is not null)
        {
            _drafts.Remove(_draftKey);
        }

        IsActive = false;
        Error = "";
    }

    /// <summary>Left without saving (Esc, another screen): what was typed is kept as the field's draft.</summary>
    public void Leave()
    {
        if (IsActive && _draftKey is not null && _text.Length > 0)
        {
            _drafts[_draftKey] = Text;
            _draftKey = null;
        }

        Close();
    }

    /// <summary>Keeps <paramref name="text"/> as the draft of a field already submitted, where a later step may still be left (the name while the PIN is asked).</summary>
    public void Keep(string draft, string text) => _drafts[draft] = text;

    /// <summary>Forgets a draft kept with <see cref="Keep"/> once the whole entry is saved.</summary>
    public void Forget(string draft) => _drafts.Remove(draft);

    public string Shown => Secret ? new string('•', _text.Length) : Text;

    /// <summary>Takes every key while open; printable characters are typed, Enter submits, Esc cancels.</summary>
    public bool HandleKey(Key key)
    {
        if (!IsActive)
        {
            return false;
        }

        if (key == Key.Enter)
        {
            _onSubmit?.Invoke(Text);
        }
        else if (key == Key.Esc)
        {
            Leave();
            _onCancel?.Invoke();
        }
        else if (key == Key.U.WithCtrl)
        {
            _text.Clear();
            _onChange?.Invoke(Text);
        }
        else if (key == Key.Backspace)
        {
            if (_text.Length > 0)
            {
                _text.Length--;
                _onChange?.Invoke(Text);
            }
        }
        else if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value >= ' ')
        {
            string typed = key.AsRune.ToString();
            if (_limit is { } limit && _text.Length + typed.Length > limit.Max)
            {
                Error = limit.Message;
                return true;
            }

            _text.Append(typed);
            Error = "";
            _onChange?.Invoke(Text);
        }

        return true;
    }
}
