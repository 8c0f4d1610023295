using System.Globalization;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.FollowUp;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Reports;

/// <summary>
/// The contracts finance keeps (issue 19), reached with A on F6: every period with its compensation, expected
/// utilisation and net per full year; below the list, the chosen one's deductions, extension rule and history.
/// Finance and admins add (N) and extend (F); coordinators read. The last contract is marked when its
/// extension is due to be decided.
/// </summary>
public sealed class ContractsScreen : IScreen, IReloadable
{
    // Room below the list for the chosen contract: a rule, four lines of terms, deductions and history.
    private const int DetailRows = 9;

    private readonly ShellView _shell;
    private readonly ListModel<ContractData> _list = new(c => Money.Day(c.From) + " " + string.Join(" ", c.Deductions.Select(d => d.Reason)));
    private IReadOnlyList<ContractData>? _contracts;

    public ContractsScreen(ShellView shell)
    {
        _shell = shell;
        Reload();
    }

    public string Title => UiText.Contracts_Title;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("contracts.new", "N", UiText.Help_Contracts_New, UiText.Hint_New, () => _shell.Push(new ContractFormScreen(_shell)), FinanceOnly),
        ScreenCommand.Of("contracts.extend", "F", UiText.Help_Contracts_Extend, UiText.Hint_Extend, () => _shell.Push(new ContractExtendScreen(_shell, _list.Current!)), () => FinanceOnly() ?? NothingSelected()),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    private DateOnly Today => ReportPeriod.LocalDate(_shell.UtcNow);

    public void Reload() =>
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetContracts()),
            contracts =>
            {
                _contracts = contracts;
                _list.SetRows([.. contracts], (a, b) => a.Id == b.Id);
            });

    public bool HandleKey(Key key) => _list.Navigate(key, ListRows(_shell.ContentRows) - 2) || _list.HandleFilterKey(key, _shell.Prompt);

    public void Draw(Canvas canvas)
    {
        if (_contracts is not { } contracts)
        {
            canvas.Line(0, UiText.Loading);
            return;
        }

        DateOnly? due = ContractNotice.ExtensionDue(contracts, Today);
        DateOnly lastFrom = contracts.Count == 0 ? default : contracts.Max(x => x.From);
        ContractData? inForce = contracts.FirstOrDefault(c => c.From <= Today && (c.To is not { } to || Today <= to));
        canvas.Line(0, inForce is null ? UiText.Contracts_NoneInForce : Format.Text(UiText.Contracts_InForce, inForce.Id, Money.Period(inForce.From, inForce.To)));
        if (contracts.Count == 0)
        {
            canvas.Line(2, UiText.Contracts_None);
            return;
        }

        ListDrawing.Draw(
            canvas.Top(ListRows(canvas.Height)),
            _list,
            [
                (UiText.Col_Number, 4, c => c.Id.ToString(CultureInfo.InvariantCulture)),
                (UiText.Col_From, 11, c => Money.Day(c.From)),
                (UiText.Col_To, 13, c => c.To is { } to ? Money.Day(to) : UiText.Contracts_UntilFurtherNotice),
                (UiText.Col_Compensation, 26, Compensation),
                (UiText.Col_Utilisation, 8, c => Money.Percent(c.UtilisationPercent)),
                (UiText.Col_NetAnnual, 14, c => Money.Kronor(c.NetAnnualKr)),
            ],
            firstRow: 1,
            c => due is not null && c.To == due && c.From == lastFrom);

        if (_list.Current is { } current)
        {
            DrawDetail(canvas, ListRows(canvas.Height), current, due);
        }
    }

    // The list takes what the contracts need, leaving the detail its rows; a long history of contracts scrolls.
    private int ListRows(int height) => Math.Clamp((_contracts?.Count ?? 0) + 2, 3, Math.Max(3, height - DetailRows));

    private static void DrawDetail(Canvas canvas, int top, ContractData c, DateOnly? due)
    {
        var lines = new List<string>
        {
            canvas.Rule,
            Format.Text(UiText.Contracts_Period, c.Id, Money.Period(c.From, c.To)),
            c.AnnualKr is { } annual
                ? (c.PriceLevel is { } level ? Format.Text(UiText.Contracts_AnnualAtLevel, Money.Kronor(annual), level) : Format.Text(UiText.Contracts_Annual, Money.Kronor(annual)))
                : Format.Text(UiText.Contracts_LumpSum, Money.Kronor(c.LumpSumKr ?? 0), Money.Kronor(c.AnnualEquivalentKr)),
            Format.Text(UiText.Contracts_Net, Money.Percent(c.UtilisationPercent), Money.Kronor(c.NetAnnualKr)),
        };
        lines.AddRange(c.Deductions.Select(d => Format.Text(UiText.Contracts_Deduction, Money.Kronor(d.AmountKr), Money.Period(d.From, d.To), d.Reason)));
        string rule = c.MonthsPerExtension is { } months
            ? Format.Text(UiText.Contracts_Extension, months, c.NoticeWeeks)
            : Format.Text(UiText.Contracts_ExtensionByDecision, c.NoticeWeeks);
        if (c.To is { } end)
        {
            rule += "  " + Format.Text(due == end ? UiText.Contracts_DecideByDue : UiText.Contracts_DecideBy, Money.Day(ContractNotice.DecideBy(end, c.NoticeWeeks)));
        }

        lines.Add(rule);

        // The newest changes first: what was decided last is what finance asks about.
        lines.AddRange(c.History.AsEnumerable().Reverse().Select(h => h.Kind switch
        {
            ContractChangeKind.Extended => Format.Text(UiText.Contracts_HistoryExtended, Money.Day(ReportPeriod.LocalDate(h.AtUtc)), Until(h.PreviousTo), Until(h.NewTo)),
            ContractChangeKind.Migrated => Format.Text(UiText.Contracts_HistoryMigrated, Money.Day(ReportPeriod.LocalDate(h.AtUtc))),
            _ => Format.Text(UiText.Contracts_HistoryAdded, Money.Day(ReportPeriod.LocalDate(h.AtUtc))),
        }));

        for (int i = 0; i < lines.Count && top + i < canvas.Height; i++)
        {
            canvas.Line(top + i, lines[i]);
        }
    }

    private static string Until(DateOnly? day) => day is { } d ? Money.Day(d) : UiText.Contracts_UntilFurtherNotice;

    private static string Compensation(ContractData c) => c.AnnualKr is { } annual
        ? Format.Text(c.PriceLevel is { } level ? UiText.Contracts_PerYearAtLevel : UiText.Contracts_PerYear, Money.Kronor(annual), c.PriceLevel ?? 0)
        : Format.Text(UiText.Contracts_ForPeriod, Money.Kronor(c.LumpSumKr ?? 0));

    private string? NothingSelected() => _contracts is null ? UiText.Loading : _list.Current is null ? UiText.Register_NothingSelected : null;

    private string? FinanceOnly() => (_shell.Session.Session.Roles & (Role.Finance | Role.Admin)) != 0 ? null : UiText.Contracts_FinanceOnly;

    /// <summary>The screen's few ways of writing money, days and shares, sv-SE.</summary>
    internal static class Money
    {
        public static string Kronor(decimal kr) => kr.ToString("#,0.##", SwedishCulture.Instance) + " kr";

        public static string Percent(decimal value) => value.ToString("0.##", SwedishCulture.Instance) + " %";

        public static string Day(DateOnly day) => IsoDate.Format(day);

        public static string Period(DateOnly from, DateOnly? to) => $"{Day(from)} – {(to is { } t ? Day(t) : UiText.Contracts_UntilFurtherNotice)}";
    }
}

/// <summary>
/// A new contract period, as `jour contract add` takes it: days, compensation (an annual amount at a price
/// level, or a sum for the period), expected utilisation, deductions one per line (KR:FRÅN:TILL:SKÄL) and the
/// extension rule. Each field is read here and refused by name; overlaps and limits are the server's.
/// </summary>
public sealed class ContractFormScreen : FormScreen
{
    public ContractFormScreen(ShellView shell)
        : base(shell, "new-contract")
    {
        Add(new FormField("from", UiText.Contracts_From) { Validate = DateField.Required });
        Add(new FormField("to", UiText.Contracts_To) { Validate = DateField.Optional });
        Add(new FormField("kind", UiText.Contracts_Kind) { Choices = [("annual", UiText.Contracts_KindAnnual), ("lump-sum", UiText.Contracts_KindLumpSum)], Value = "annual" });
        Add(new FormField("amount", UiText.Contracts_Amount) { Validate = v => ContractInput.Amount(v) is null ? UiText.Contracts_BadAmount : null });
        Add(new FormField("price-level", UiText.Contracts_PriceLevel) { Validate = v => v.Trim().Length > 0 && ContractInput.Whole(v) is null ? UiText.Contracts_BadWhole : null });
        Add(new FormField("utilisation", UiText.Contracts_UtilisationField) { Value = "65", Validate = v => ContractInput.Percent(v) is null ? UiText.Contracts_BadAmount : null });
        Add(new FormField("deductions", UiText.Contracts_Deductions)
        {
            MultiLine = true,
            Limit = TextLimits.Note,
            Validate = v => Lines(v).FirstOrDefault(l => ContractInput.Deduction(l) is null) is { } bad ? Format.Text(UiText.Contracts_BadDeduction, bad) : null,
        });
        Add(new FormField("extension-months", UiText.Contracts_ExtensionMonths) { Validate = v => v.Trim().Length > 0 && ContractInput.Whole(v) is null ? UiText.Contracts_BadWhole : null });
        Add(new FormField("notice-weeks", UiText.Contracts_NoticeWeeks) { Value = "2", Validate = v => ContractInput.Whole(v) is null ? UiText.Contracts_BadWhole : null });
        RestoreDraft();
    }

    public override string Title => UiText.Contracts_NewTitle;

    protected override async Task<string> SubmitAsync()
    {
        bool annual = Field("kind").Value == "annual";
        decimal amount = ContractInput.Amount(Field("amount").Value) ?? 0m;
        var request = new AddContract(
            Contract.ParseDate(Field("from").Value.Trim()) ?? default,
            Contract.ParseDate(Field("to").Value.Trim()),
            annual ? amount : null,
            annual ? Optional(Field("price-level").Value) : null,
            annual ? null : amount,
            ContractInput.Percent(Field("utilisation").Value) ?? 0m,
            0m,
            [.. Lines(Field("deductions").Value).Select(l => ContractInput.Deduction(l)!)],
            Optional(Field("extension-months").Value),
            ContractInput.Whole(Field("notice-weeks").Value) ?? 2);
        ContractData added = await Shell.Session.Service.SendAsync(request);
        return Format.Text(UiText.Contracts_Added, added.Id, ContractsScreen.Money.Kronor(added.NetAnnualKr));
    }

    protected override void Submitted(string result) => BackToList(result);

    private static int? Optional(string text) => text.Trim().Length == 0 ? null : ContractInput.Whole(text);

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}

/// <summary>
/// Extends a contract: to a new last day, until further notice, or (the date left empty) by the contract's own
/// months per extension, as `jour contract extend` does.
/// </summary>
public sealed class ContractExtendScreen : FormScreen
{
    private readonly ContractData _contract;

    public ContractExtendScreen(ShellView shell, ContractData contract)
        : base(shell, $"extend-contract-{contract.Id}")
    {
        _contract = contract;
        Add(new FormField("to", UiText.Contracts_NewEnd)
        {
            Validate = DateField.Optional,
            Hint = _ => contract.MonthsPerExtension is { } months ? Format.Text(UiText.Contracts_NewEndHint, months) : UiText.Contracts_NewEndHintNoRule,
        });
        Add(new FormField("until-further-notice", UiText.Contracts_UntilFurtherNoticeField) { Choices = [("no", UiText.No), ("yes", UiText.Yes)], Value = "no" });
        RestoreDraft();
    }

    public override string Title => Format.Text(UiText.Contracts_ExtendTitle, _contract.Id, ContractsScreen.Money.Period(_contract.From, _contract.To));

    protected override async Task<string> SubmitAsync()
    {
        DateOnly? to = Contract.ParseDate(Field("to").Value.Trim());
        bool open = Field("until-further-notice").Value == "yes";
        ContractData extended = await Shell.Session.Service.SendAsync(new ExtendContract(_contract.Id, open ? null : to, open));
        return Format.Text(UiText.Contracts_Extended, extended.Id, ContractsScreen.Money.Period(extended.From, extended.To));
    }

    protected override void Submitted(string result) => BackToList(result);
}
