using System.Globalization;
using Jour.Core.AccessLog;
using Jour.Core.Common;
using Jour.Core.Journals;
using Jour.Core.UseCases;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Journals;

/// <summary>
/// One client's journal, one series at a time (SoL or LSS, never mixed; Tab switches), the newest entry
/// first. Entries are only ever added: N writes one, R writes a correction of the selected one. Someone
/// not on an open case of the client (and not MAS/MAR) is asked for a reason first; every read is logged
/// on the server.
/// </summary>
public sealed class JournalScreen : IScreen
{
    private readonly ShellView _shell;
    private readonly long _clientId;
    private readonly string _clientName;
    private JournalSeries _series;
    private JournalView? _view;
    private string _reason = "";
    private int _selected;
    private int _top;

    public JournalScreen(ShellView shell, long clientId, string clientName, JournalSeries series = JournalSeries.Lss)
    {
        _shell = shell;
        _clientId = clientId;
        _clientName = clientName;
        _series = series;
        Load();
    }

    public JournalSeries Series => _series;

    public string Title => Format.Text(UiText.Journal_Title, Messages.Get("Series_" + _series), _clientName);

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("journal.series", "Tab,Shift+Tab,Left,Right", UiText.Help_Journal_Series, UiText.Hint_Series, SwitchSeries),
        ScreenCommand.Of("journal.new", "N", UiText.Help_Journal_New, UiText.Hint_New, () => Write(null), ReadFirst),
        ScreenCommand.Of("journal.correct", "R", UiText.Help_Journal_Correct, UiText.Hint_Correct, () => Write(Entries[Math.Clamp(_selected, 0, Entries.Count - 1)].Id), () => ReadFirst() ?? (Entries.Count == 0 ? UiText.Journal_NothingToCorrect : null)),
        ScreenCommand.Handled("journal.move", "Up,Down,PgUp,PgDn,Home", UiText.Help_Journal_Move),
        ScreenCommand.Handled("journal.append-only", "", UiText.Help_Journal_AppendOnly, keyLabel: ""),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    // Until the journal is open (a reason given where one is asked for), there is nothing to write in.
    private string? ReadFirst() => _view is { ReasonRequired: false } ? null : UiText.Journal_OpenFirst;

    private void SwitchSeries()
    {
        _series = _series == JournalSeries.Lss ? JournalSeries.Sol : JournalSeries.Lss;
        _selected = 0;
        _top = 0;
        Load();
    }

    /// <summary>The entries shown, newest first (empty until read).</summary>
    public IReadOnlyList<JournalEntryData> Entries => _view is { ReasonRequired: false } v ? [.. v.Entries.Reverse()] : [];

    public void Draw(Canvas canvas)
    {
        string other = _series == JournalSeries.Lss ? Messages.Get("Series_Sol") : Messages.Get("Series_Lss");
        canvas.Line(0, Format.Text(UiText.Journal_Heading, Messages.Get("Series_" + _series), _clientName, other));
        if (_view is not { ReasonRequired: false } view)
        {
            canvas.Line(1, _view is null ? UiText.Loading : UiText.Journal_ReasonNeeded);
            return;
        }

        bool emergency = view.Basis == AccessBasis.Emergency;
        string basis = view.Basis switch
        {
            AccessBasis.Emergency => "! " + Format.Text(UiText.Journal_Emergency, _reason),
            AccessBasis.OnCase => Format.Text(UiText.Journal_OnCase, view.CaseNumber),
            _ => Messages.Get("AccessBasis_" + view.Basis),
        };
        canvas.Line(1, basis, highlight: emergency);
        canvas.Line(2, canvas.Rule);

        IReadOnlyList<JournalEntryData> entries = Entries;
        if (entries.Count == 0)
        {
            canvas.Line(3, UiText.Journal_Empty);
            return;
        }

        var correctedBy = view.Entries.Where(e => e.CorrectsId is not null).GroupBy(e => e.CorrectsId!.Value).ToDictionary(g => g.Key, g => g.Last().Id);
        var blocks = entries.Select((e, i) => Block(e, i == _selected, correctedBy, canvas)).ToList();
        _selected = Math.Clamp(_selected, 0, entries.Count - 1);
        int rows = canvas.Height - 3;

        // Keep the selected entry in view: start from _top, moving it so the selection fits.
        _top = Math.Min(_top, _selected);
        while (_top < _selected && blocks.Skip(_top).Take(_selected - _top + 1).Sum(b => b.Count) > rows)
        {
            _top++;
        }

        int row = 3;
        for (int i = _top; i < blocks.Count && row < canvas.Height; i++)
        {
            foreach ((string text, bool highlight) in blocks[i])
            {
                if (row >= canvas.Height)
                {
                    break;
                }

                canvas.Line(row++, text, highlight);
            }
        }

        while (row < canvas.Height)
        {
            canvas.Line(row++, "");
        }
    }

    public bool HandleKey(Key key)
    {
        if (_view is not { ReasonRequired: false })
        {
            return false;
        }

        int count = _view.Entries.Count;
        if (key == Key.CursorDown || key == Key.PageDown)
        {
            _selected = Math.Min(Math.Max(0, count - 1), _selected + (key == Key.PageDown ? 5 : 1));
            return true;
        }

        if (key == Key.CursorUp || key == Key.PageUp)
        {
            _selected = Math.Max(0, _selected - (key == Key.PageUp ? 5 : 1));
            return true;
        }

        if (key == Key.Home)
        {
            _selected = 0;
            return true;
        }

        return false;
    }

    private void Load()
    {
        var request = new JournalRequest(_clientId, _series, _reason);
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(request),
            view =>
            {
                _view = view;
                if (view.ReasonRequired)
                {
                    AskReason();
                }
            });
    }

    /// <summary>Emergency access: the reason is asked for once and sent with every read of this screen.</summary>
    private void AskReason() =>
        _shell.Prompt.Open(
            UiText.Journal_ReasonPrompt,
            reason =>
            {
                if (reason.Trim().Length == 0)
                {
                    _shell.Prompt.Error = Messages.Get(ErrorCodes.ReasonRequired);
                    return;
                }

                _reason = reason.Trim();
                _shell.Prompt.Close();
                Load();
            },
            () => _shell.Pop(),
            limit: TextLimits.Reason);

    private void Write(long? corrects)
    {
        string label = corrects is { } id
            ? Format.Text(UiText.Journal_CorrectPrompt, id.ToString(CultureInfo.InvariantCulture))
            : Format.Text(UiText.Journal_NewPrompt, Messages.Get("Series_" + _series));
        JournalSeries series = _series;
        _shell.Prompt.Open(label, text => _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new JournalEntryRequest(_clientId, series, text, corrects, _reason)),
            entry =>
            {
                _shell.Prompt.Close();
                if (_view is { } view && view.Series == series)
                {
                    _view = view with { Entries = [.. view.Entries, entry] };
                    _selected = 0;
                    _top = 0;
                }
            },
            error => _shell.Prompt.Error = error), limit: TextLimits.JournalEntry);
    }

    private static List<(string Text, bool Highlight)> Block(JournalEntryData e, bool selected, Dictionary<long, long> correctedBy, Canvas canvas)
    {
        string marker = selected ? canvas.Marker : " ";
        string head = $"{marker} #{e.Id.ToString(CultureInfo.InvariantCulture)}  {SwedishTime.FormatLocal(e.AtUtc)}  {e.AuthorName}";
        if (e.CorrectsId is { } corrects)
        {
            head += "  " + Format.Text(UiText.Journal_Corrects, corrects.ToString(CultureInfo.InvariantCulture));
        }

        if (correctedBy.TryGetValue(e.Id, out long by))
        {
            head += "  " + Format.Text(UiText.Journal_CorrectedBy, by.ToString(CultureInfo.InvariantCulture));
        }

        var lines = new List<(string, bool)> { (head, selected) };
        lines.AddRange(Format.Wrap(e.Text, canvas.Width - 4).Select(l => ("    " + l, false)));
        return lines;
    }
}
