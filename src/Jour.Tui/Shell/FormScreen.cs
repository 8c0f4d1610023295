using System.Text;
using Jour.Core.Drafts;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// A form drawn by the shell: one field per row, Up/Down (or Tab) between fields, typing edits,
/// Left/Right chooses, Ctrl+S (or F9) saves. Each change is kept as a draft on the server, so a crash,
/// a lost connection or the idle lock loses nothing; a refused save keeps every field as typed.
/// </summary>
public abstract class FormScreen : IScreen
{
    private static readonly TimeSpan DraftDelay = TimeSpan.FromSeconds(1);

    private readonly List<FormField> _fields = [];
    private int _current;
    private int _top;
    private int _draftVersion;
    private bool _saving;
    private bool _dirty;

    protected FormScreen(ShellView shell, string draftForm)
    {
        Shell = shell;
        DraftForm = draftForm;
    }

    public abstract string Title { get; }

    /// <summary>Every form's commands, then the form's own (<see cref="MoreCommands"/>).</summary>
    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("form.save", "Ctrl+S,F9", UiText.Help_Form_Save, SaveHint, () =>
        {
            if (!_saving)
            {
                Save();
            }
        }),
        .. MoreCommands,
        ScreenCommand.Of("form.clear-field", "Ctrl+U", UiText.Help_Form_Clear, null, () => Edit(Current, "")),
        ScreenCommand.Handled("form.move", "Down,Up,Tab,Shift+Tab,Enter", UiText.Help_Form_Move, keyLabel: "↑ ↓ Tab Shift+Tab Enter"),
        ScreenCommand.Handled("form.choose", "Left,Right,Space", UiText.Help_Form_Choose),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    /// <summary>The hint line's word for saving ("Spara"; "Lämna över" where saving hands over).</summary>
    protected virtual string SaveHint => UiText.Hint_Save;

    /// <summary>A form's own commands beyond saving and moving.</summary>
    protected virtual IReadOnlyList<ScreenCommand> MoreCommands => [];

    public bool TypesText => true;

    /// <summary>The message above the fields: why a save was refused, or that a draft was restored.</summary>
    public string Message { get; protected set; } = "";

    public IReadOnlyList<FormField> Fields => _fields;

    public FormField Current => _fields[_current];

    protected ShellView Shell { get; }

    /// <summary>The draft's name on the server; empty for a form without a draft.</summary>
    protected string DraftForm { get; }

    public FormField Field(string name) => _fields.First(f => f.Name == name);

    /// <summary>Adds fields (in order) after construction, e.g. another time window.</summary>
    protected FormField Add(FormField field, int? at = null)
    {
        if (at is { } index)
        {
            _fields.Insert(index, field);
        }
        else
        {
            _fields.Add(field);
        }

        return field;
    }

    protected void Remove(FormField field) => _fields.Remove(field);

    /// <summary>Fetches a draft of this form and fills the fields from it.</summary>
    protected void RestoreDraft(Action? after = null)
    {
        if (DraftForm.Length == 0)
        {
            return;
        }

        Shell.RunInBackground(
            () => Shell.Session.Service.SendAsync(new GetDraft(DraftForm)),
            draft =>
            {
                if (draft is null)
                {
                    return;
                }

                ApplyDraft(draft.Fields);
                Message = Format.Text(UiText.Form_DraftRestored, Format.When(draft.SavedUtc, Shell.UtcNow));
                after?.Invoke();
            });
    }

    /// <summary>Sets fields from a draft; forms with repeated groups override to create them first.</summary>
    protected virtual void ApplyDraft(IReadOnlyDictionary<string, string> values)
    {
        foreach (FormField field in _fields)
        {
            if (values.TryGetValue(field.Name, out string? value))
            {
                field.Value = value;
                field.Changed?.Invoke(field);
            }
        }
    }

    /// <summary>Checks every field and, when all are fine, sends the form.</summary>
    protected abstract Task<string> SubmitAsync();

    /// <summary>Called on the UI thread after the server accepted the form.</summary>
    protected abstract void Submitted(string result);

    /// <summary>Back to the list the form was opened from, read again, with <paramref name="done"/> said when given.</summary>
    protected void BackToList(string? done = null)
    {
        Shell.Pop();
        if (Shell.CurrentScreen is IReloadable list)
        {
            list.Reload();
        }

        if (done is not null)
        {
            Shell.ShowDone(done);
        }
    }

    public virtual void Draw(Canvas canvas)
    {
        int row = 0;
        if (Message.Length > 0)
        {
            canvas.Line(row++, "! " + Message);
        }

        int labelWidth = Math.Min(24, _fields.Max(f => f.Label.Length) + 1);
        int rows = Math.Max(1, canvas.Height - row - 2);
        if (_current < _top)
        {
            _top = _current;
        }
        else if (_current >= _top + rows)
        {
            _top = _current - rows + 1;
        }

        // The focused field's matches, searched once per frame (a pick list reads every client).
        IReadOnlyList<string> openPicks = Current.OpenPicks();
        for (int i = _top; i < _fields.Count && row < canvas.Height - 2; i++)
        {
            FormField f = _fields[i];
            bool focused = i == _current;
            string marker = focused ? canvas.Marker : " ";
            string value = f.Choices is null ? f.Shown : $"< {f.Shown} >";
            string error = f.Error.Length > 0 ? "  ! " + f.Error : "";
            canvas.Text(0, row, $"{marker} {canvas.Fit(f.Label, labelWidth)} ", labelWidth + 3);
            int valueWidth = canvas.Width - labelWidth - 3;
            string cursor = focused && f.Choices is null ? "_" : "";
            string shownValue = value + cursor;

            // What is being typed is never pushed out by its error: the focused field's message is spelled out
            // below in full anyway. Beside another field the message is cut, not the value.
            if (focused && shownValue.Length + error.Length > valueWidth && f.Error.Length > 0)
            {
                error = "  !";
            }
            if (shownValue.Length > valueWidth - error.Length && focused)
            {
                // Show the end of a long value while typing.
                int keep = Math.Max(1, valueWidth - error.Length - 1);
                shownValue = "…" + shownValue[^Math.Min(shownValue.Length, keep)..];
            }

            if (f.MultiLine)
            {
                // Every line of it, wrapped at the field's width; the last rows of the form stay for the messages.
                var lines = Format.Wrap(f.Value + cursor, valueWidth - 1).ToList();
                int room = Math.Max(1, canvas.Height - 2 - row - (_fields.Count - i - 1));
                int first = Math.Max(0, lines.Count - room);
                if (first > 0)
                {
                    lines[first] = "…" + lines[first];
                }

                for (int l = first; l < lines.Count && row < canvas.Height - 2; l++)
                {
                    canvas.Text(labelWidth + 3, row++, lines[l] + (l == lines.Count - 1 ? error : ""), valueWidth, highlight: focused);
                }

                continue;
            }

            canvas.Text(labelWidth + 3, row, shownValue + error, valueWidth, highlight: focused);
            row++;
            if (focused && openPicks is { Count: > 0 } picks)
            {
                int shown = Math.Min(picks.Count, MaxPicks);
                _pick = Math.Min(_pick, shown - 1);
                for (int p = 0; p < shown && row < canvas.Height - 2; p++)
                {
                    canvas.Text(labelWidth + 3, row++, (p == _pick ? canvas.Marker + " " : "  ") + picks[p], valueWidth, highlight: p == _pick);
                }

                if (picks.Count > shown && row < canvas.Height - 2)
                {
                    canvas.Text(labelWidth + 3, row++, "  " + Format.Text(UiText.Pick_More, picks.Count - shown), valueWidth);
                }
            }
        }

        // A message beside a field may be cut off at 80 columns; the focused field's is spelled out below.
        string hint = openPicks.Count > 0 ? UiText.Pick_Hint : Current.Hint?.Invoke(Current.Value) ?? "";
        hint = hint.Length > 0 ? "  " + hint : "";
        bool hasError = Current.Error.Length > 0;
        canvas.Line(canvas.Height - 2, hasError ? hint : "");
        canvas.Line(canvas.Height - 1, hasError ? "! " + Current.Error : hint);
    }

    /// <summary>The most matches a pick list shows at once; typing more narrows it.</summary>
    public const int MaxPicks = 6;

    public virtual bool HandleKey(Key key)
    {
        if (_saving)
        {
            return true;
        }

        if (Current.OpenPicks() is { Count: > 0 } picks)
        {
            int last = Math.Min(picks.Count, MaxPicks) - 1;
            if (key == Key.CursorDown || key == Key.CursorUp)
            {
                _pick = Math.Clamp(_pick + (key == Key.CursorDown ? 1 : -1), 0, last);
                return true;
            }

            if (key == Key.Enter)
            {
                Edit(Current, Current.WithPick(picks[Math.Min(_pick, last)]));
                return true;
            }
        }

        if (key == Key.Esc)
        {
            // Leaving keeps the form: the draft is written now rather than after the usual pause.
            SaveDraftNow();
            return false;
        }

        if (key == Key.Enter && Current.MultiLine)
        {
            if (Current.Value.Length + 1 > Current.Limit.Max)
            {
                Current.Error = Current.Limit.Message;
                return true;
            }

            Edit(Current, Current.Value + "\n");
            return true;
        }

        if (key == Key.CursorDown || key == Key.Tab || key == Key.Enter)
        {
            Move(1);
            return true;
        }

        if (key == Key.CursorUp || key == Key.Tab.WithShift)
        {
            Move(-1);
            return true;
        }

        FormField field = Current;
        if (field.Choices is not null)
        {
            if (key == Key.CursorLeft || key == Key.CursorRight || key == Key.Space)
            {
                field.Cycle(key == Key.CursorLeft ? -1 : 1);
                Edited(field);
                return true;
            }

            if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value > 32 && field.ChooseByLetter((char)key.AsRune.Value))
            {
                Edited(field);
                return true;
            }

            return false;
        }

        if (key == Key.Backspace)
        {
            if (field.Value.Length > 0)
            {
                Edit(field, field.Value[..^1]);
            }

            return true;
        }

        if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value >= 32 && key != Key.Esc)
        {
            string typed = new Rune(key.AsRune.Value).ToString();
            if (field.Value.Length + typed.Length > field.Limit.Max)
            {
                // Refused where it is typed, with the limit named; what was typed so far stays.
                field.Error = field.Limit.Message;
                return true;
            }

            Edit(field, field.Value + typed);
            return true;
        }

        return false;
    }

    /// <summary>Values of every field, for a draft.</summary>
    protected Dictionary<string, string> Values() => _fields.ToDictionary(f => f.Name, f => f.Value);

    protected void Focus(FormField field) => _current = Math.Max(0, _fields.IndexOf(field));

    private void Move(int step)
    {
        // Leaving a field that names exactly one client (or case, or assistant) shows that one in full.
        if (Current.CompleteUnique())
        {
            Edited(Current);
        }

        Current.Check();
        _current = Math.Clamp(_current + step, 0, _fields.Count - 1);
    }

    private void Edit(FormField field, string value)
    {
        field.Value = value;
        _pick = 0;
        Edited(field);
    }

    private int _pick;

    private void Edited(FormField field)
    {
        field.Changed?.Invoke(field);

        // Check as the user types once a field has shown an error, so the message goes away when fixed.
        if (field.Error.Length > 0)
        {
            field.Check();
        }

        ScheduleDraft();
    }

    private void ScheduleDraft()
    {
        if (DraftForm.Length == 0)
        {
            return;
        }

        _dirty = true;
        int version = ++_draftVersion;
        Shell.After(DraftDelay, () =>
        {
            if (version == _draftVersion && !_saving)
            {
                SaveDraftNow();
            }
        });
    }

    /// <summary>Saves the draft at once when anything changed since the last save (before the user is switched).</summary>
    public async Task FlushDraftAsync()
    {
        if (DraftForm.Length == 0 || !_dirty || _saving)
        {
            return;
        }

        _dirty = false;
        _draftVersion++;
        await Shell.Session.Service.SendAsync(new SaveDraft(new DraftData(DraftForm, Values(), Shell.UtcNow)));
    }

    private void SaveDraftNow()
    {
        if (DraftForm.Length == 0 || !_dirty)
        {
            return;
        }

        _dirty = false;
        var draft = new DraftData(DraftForm, Values(), Shell.UtcNow);
        Shell.RunInBackground(() => Shell.Session.Service.SendAsync(new SaveDraft(draft)), _ => { }, _ => _dirty = true);
    }

    private void Save()
    {
        bool ok = true;
        foreach (FormField f in _fields)
        {
            ok &= f.Check();
        }

        if (!ok)
        {
            _current = _fields.FindIndex(f => f.Error.Length > 0);
            Message = UiText.Form_FixErrors;
            return;
        }

        _saving = true;
        _draftVersion++;
        _dirty = false;
        Message = UiText.Form_Saving;
        Shell.RunInBackground(
            SubmitAsync,
            result =>
            {
                _saving = false;
                Message = "";
                if (DraftForm.Length > 0)
                {
                    Shell.RunInBackground(() => Shell.Session.Service.SendAsync(new DiscardDraft(DraftForm)), _ => { }, _ => { });
                }

                Submitted(result);
            },
            error =>
            {
                // Refused: every field stays as typed, and the draft is kept for a retry.
                _saving = false;
                Message = error;
                ScheduleDraft();
            });
    }
}
