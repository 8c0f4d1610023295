using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.ShortTermCare;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.ShortTermCare;

/// <summary>
/// The register of short-term places with what is free today. Opened from a case (K), Enter books a place on
/// the chosen unit and moves the case to Korttidsplats; opened from the staff register, the resurssakkunnig
/// keeps the units (N new, Enter change).
/// </summary>
public sealed class ShortTermPlacesScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly CaseDetail? _case;
    private readonly Action<CaseDetail>? _placed;
    private readonly ListModel<ShortTermUnitData> _list = new(u => u.Name + " " + u.Note);
    private ShortTermRegister? _register;

    public ShortTermPlacesScreen(ShellView shell, CaseDetail? forCase = null, Action<CaseDetail>? placed = null)
    {
        _shell = shell;
        _case = forCase;
        _placed = placed;
        Reload();
    }

    public string Title => _case is { } c
        ? Format.Text(UiText.ShortTerm_TitleForCase, c.Summary.Number, c.Summary.ClientName)
        : UiText.ShortTerm_Title;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??= _case is null
        ?
        [
            ScreenCommand.Of("short-term.open", "Enter", UiText.Help_ShortTerm_Open, UiText.Hint_Open, () => _shell.Push(new ShortTermUnitFormScreen(_shell, _list.Current)), NothingSelected),
            ScreenCommand.Of("short-term.new", "N", UiText.Help_ShortTerm_New, UiText.Hint_New, () => _shell.Push(new ShortTermUnitFormScreen(_shell, null))),
            ScreenCommand.ListFilter(),
            ScreenCommand.ListMovement(),
        ]
        :
        [
            ScreenCommand.Of("short-term.book", "Enter", UiText.Help_ShortTerm_Book, UiText.Hint_ShortTermBook, Book, () => NothingSelected() ?? (_list.Current!.Free == 0 ? Format.Text(UiText.ShortTerm_Full, _list.Current.Name) : null)),
            ScreenCommand.ListFilter(),
            ScreenCommand.ListMovement(),
        ];

    private IReadOnlyList<ScreenCommand>? _commands;

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetShortTermUnits(null)),
            register =>
            {
                _register = register;

                // From a case only units that take clients are offered; the register shows closed ones too.
                _list.SetRows([.. register.Units.Where(u => _case is null || !u.IsClosed)], (a, b) => a.Id == b.Id);
            });

    public void Draw(Canvas canvas)
    {
        if (_register is not { } register)
        {
            canvas.Line(0, UiText.Loading);
            return;
        }

        string heading = Format.Text(UiText.ShortTerm_Heading, IsoDate.Format(register.Date), register.Units.Where(u => !u.IsClosed).Sum(u => u.Free));
        if (_list.Filter.Length > 0)
        {
            heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
        }

        canvas.Line(0, heading);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_Unit, 34, u => u.Name),
                (UiText.Col_FreePlaces, 9, u => u.IsClosed ? UiText.ShortTerm_Closed : Format.Text(UiText.ShortTerm_FreeOf, u.Free, u.Places)),
                (UiText.Col_Phone, 13, u => u.Phone),
                (_case is null ? UiText.Col_Held : UiText.ShortTerm_Note, 40, u => _case is null ? string.Join(", ", (u.Holders ?? []).Select(h => h.CaseNumber)) : u.Note),
            ],
            firstRow: 1,
            u => u.IsClosed || u.Free == 0);
    }

    public bool HandleKey(Key key) => _list.Navigate(key, _shell.ContentRows - 2) || _list.HandleFilterKey(key, _shell.Prompt);

    private string? NothingSelected() => _register is null ? UiText.Loading : _list.Current is null ? UiText.Register_NothingSelected : null;

    // Booking moves the client: the question names the unit and the case, so Enter on the wrong row costs nothing.
    private void Book()
    {
        CaseDetail c = _case!;
        ShortTermUnitData unit = _list.Current!;
        _shell.Confirm(
            Format.Text(UiText.ShortTerm_BookConfirm, unit.Name, c.Summary.Number),
            () => _shell.RunInBackground(
                () => _shell.Session.Service.SendAsync(new PlaceInShortTermCare(c.Summary.Id, unit.Id, c.Summary.Revision, "")),
                detail =>
                {
                    _placed?.Invoke(detail);
                    _shell.Pop();
                    _shell.ShowDone(Format.Text(UiText.ShortTerm_Booked, c.Summary.Number, unit.Name));
                }));
    }
}

/// <summary>A short-term unit: name, number of places, phone, note, and whether it is closed.</summary>
public sealed class ShortTermUnitFormScreen : FormScreen
{
    private readonly ShortTermUnitData? _existing;

    public ShortTermUnitFormScreen(ShellView shell, ShortTermUnitData? existing)
        : base(shell, existing is null ? "new-short-term-unit" : $"short-term-unit-{existing.Id}")
    {
        _existing = existing;
        Add(new FormField("name", UiText.ShortTerm_Name) { Limit = TextLimits.Name, Value = existing?.Name ?? "", Validate = v => v.Trim().Length == 0 ? UiText.Form_Required : null });
        Add(new FormField("places", UiText.ShortTerm_Places)
        {
            Value = (existing?.Places ?? 1).ToString(CultureInfo.InvariantCulture),
            Validate = v => Places(v) is null ? Messages.Format(ErrorCodes.ShortTermPlacesInvalid, [ShortTermUnit.MaxPlaces.ToString(CultureInfo.InvariantCulture)]) : null,
        });
        Add(new FormField("phone", UiText.Staff_Phone) { Limit = TextLimits.Phone, Value = existing?.Phone ?? "" });
        Add(new FormField("note", UiText.ShortTerm_Note) { Limit = TextLimits.Note, Value = existing?.Note ?? "" });
        Add(new FormField("closed", UiText.ShortTerm_IsClosed) { Choices = [("no", UiText.No), ("yes", UiText.Yes)], Value = existing?.IsClosed == true ? "yes" : "no" });
        RestoreDraft();
    }

    public override string Title => _existing is null ? UiText.ShortTerm_NewTitle : _existing.Name;

    protected override async Task<string> SubmitAsync()
    {
        var data = new ShortTermUnitData(
            _existing?.Id ?? 0,
            Field("name").Value,
            Places(Field("places").Value) ?? -1,
            Field("phone").Value,
            Field("note").Value,
            Field("closed").Value == "yes",
            _existing?.Revision ?? 0);
        ShortTermUnitData saved = await Shell.Session.Service.SendAsync(new SaveShortTermUnit(data));
        return saved.Id.ToString(CultureInfo.InvariantCulture);
    }

    protected override void Submitted(string result) => BackToList();

    private static int? Places(string text) => int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n <= ShortTermUnit.MaxPlaces ? n : null;
}
