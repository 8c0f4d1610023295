using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Users;

/// <summary>
/// The users (F8, Alt+U), for admins: add one, change roles, disable or enable, give a new PIN, lift a
/// sign-in lock. Everyone else sees only that this is an admin's screen; the server refuses them anyway.
/// </summary>
public sealed class UsersScreen : IScreen, IReloadable
{
    private readonly ShellView _shell;
    private readonly ListModel<UserSummary> _list = new(u => $"{u.Name} {RoleNames.Format(u.Roles)} {State(u)}");
    private bool _loaded;
    private bool _loading;
    private string _refusal = "";

    public UsersScreen(ShellView shell)
    {
        _shell = shell;
    }

    public string Title => UiText.Screen_Users;

    public IReadOnlyList<ScreenCommand> Commands => _commands ??=
    [
        ScreenCommand.Of("users.new", "N", UiText.Help_Users_New, UiText.Hint_New, AskNew, AdminOnly),
        ScreenCommand.Of("users.roles", "R", UiText.Help_Users_Roles, UiText.Hint_UserRoles, () =>
        {
            UserSummary user = _list.Current!;
            _shell.Prompt.Open(
                Format.Text(UiText.Users_RolesPrompt, user.Name),
                text => Update(user, RoleNames.Parse(text), user.IsDisabled, liftLock: false),
                initial: RoleNames.Format(user.Roles));
        }, AUser),
        ScreenCommand.Of("users.pin", "P", UiText.Help_Users_Pin, UiText.Hint_UserPin, () =>
        {
            UserSummary user = _list.Current!;
            AskPin(Format.Text(UiText.Users_NewPinFor, user.Name), pin => Run(() => _shell.Session.Service.SendAsync(new PinReset(user.Id, pin)), UiText.Users_PinDone));
        }, AUser),
        ScreenCommand.Of("users.disable", "D", UiText.Help_Users_Disable, UiText.Hint_UserDisable, () =>
        {
            UserSummary user = _list.Current!;
            string question = Format.Text(user.IsDisabled ? UiText.Users_EnableQuestion : UiText.Users_DisableQuestion, user.Name);
            _shell.Confirm(question, () => Update(user, user.Roles, !user.IsDisabled, liftLock: user.IsDisabled));
        }, AUser),
        ScreenCommand.Of("users.lift-lock", "L", UiText.Help_Users_Lift, null, () =>
        {
            UserSummary user = _list.Current!;
            Update(user, user.Roles, user.IsDisabled, liftLock: true);
        }, AUser),
        ScreenCommand.ListFilter(),
        ScreenCommand.ListMovement(),
    ];

    private IReadOnlyList<ScreenCommand>? _commands;

    private string? AdminOnly() => IsAdmin ? null : UiText.Users_AdminOnly;

    private string? AUser() => AdminOnly() ?? (_list.Current is null ? UiText.Register_NothingSelected : null);

    private bool IsAdmin => _shell.Session.Session.Roles.HasFlag(Role.Admin);

    public void Reload()
    {
        if (_loaded)
        {
            Load();
        }
    }

    public void Draw(Canvas canvas)
    {
        if (!IsAdmin)
        {
            canvas.Line(0, UiText.Users_AdminOnly);
            for (int row = 1; row < canvas.Height; row++)
            {
                canvas.Line(row, "");
            }

            return;
        }

        if (!_loaded && !_loading)
        {
            Load();
        }

        string heading = Format.Text(UiText.Users_Title, _list.Visible.Count);
        if (_list.Filter.Length > 0)
        {
            heading += "   " + Format.Text(UiText.Board_Filter, _list.Filter);
        }

        canvas.Line(0, _refusal.Length > 0 ? "! " + _refusal : heading, highlight: _refusal.Length > 0);
        ListDrawing.Draw(
            canvas,
            _list,
            [
                (UiText.Col_Name, 24, u => u.Name),
                (UiText.Col_Roles, 34, u => RoleNames.Format(u.Roles)),
                (UiText.Col_UserState, 20, State),
            ],
            firstRow: 1,
            u => u.IsDisabled || u.IsLocked);
    }

    public bool HandleKey(Key key)
    {
        if (!IsAdmin)
        {
            return false;
        }

        if (_list.Navigate(key, _shell.ContentRows - 2))
        {
            return true;
        }

        return _list.HandleFilterKey(key, _shell.Prompt);
    }

    private static string State(UserSummary u) =>
        u.IsDisabled ? UiText.Users_StateDisabled
        : u.IsLocked ? UiText.Users_StateLocked
        : !u.HasPin ? UiText.Users_StateNoPin
        : UiText.Users_StateActive;

    private void Load()
    {
        _loading = true;
        _shell.RunInBackground(
            () => _shell.Session.Service.SendAsync(new GetUsers()),
            users =>
            {
                _loading = false;
                _loaded = true;
                _refusal = "";
                _list.SetRows(users, (a, b) => a.Id == b.Id);
            },
            error =>
            {
                _loading = false;
                _loaded = true;
                _refusal = error;
            });
    }

    // Name, roles, then the PIN twice. What is typed is kept (the name and roles as drafts) when the officer
    // leaves with Esc halfway, until the user is added.
    private const string NameDraft = "users.new.name";
    private const string RolesDraft = "users.new.roles";

    private void AskNew() =>
        _shell.Prompt.Open(UiText.Users_NamePrompt, name =>
        {
            _shell.Prompt.Keep(NameDraft, name);
            _shell.Prompt.Open(UiText.Users_RolesNewPrompt, roles =>
            {
                Role? parsed = RoleNames.Parse(roles);
                if (parsed is null or Role.None)
                {
                    _shell.Prompt.Error = UiText.Users_BadRoles;
                    return;
                }

                _shell.Prompt.Keep(RolesDraft, roles);
                AskPin(UiText.Users_PinPrompt, pin => Run(() => _shell.Session.Service.SendAsync(new NewUserRequest(name, "", parsed.Value, pin)), UiText.Users_Added, onDone: () =>
                {
                    _shell.Prompt.Forget(NameDraft);
                    _shell.Prompt.Forget(RolesDraft);
                }));
            }, initial: "jourhavande", limit: TextLimits.Term, draft: RolesDraft);
        }, limit: TextLimits.Name, draft: NameDraft);

    /// <summary>A PIN typed twice, hidden; the rules are checked at the first entry, not after the second.</summary>
    private void AskPin(string label, Action<string> done) =>
        _shell.Prompt.Open(label, pin =>
        {
            try
            {
                PinRules.Check(pin);
            }
            catch (JourException ex)
            {
                _shell.Prompt.Error = ex.Localized;
                return;
            }

            _shell.Prompt.Open(UiText.Setup_PinAgain, again =>
            {
                if (again != pin)
                {
                    _shell.Prompt.Error = UiText.Setup_PinMismatch;
                    return;
                }

                done(pin);
            }, secret: true);
        }, secret: true);

    private void Update(UserSummary user, Role? roles, bool disabled, bool liftLock)
    {
        if (roles is null or Role.None)
        {
            _shell.Prompt.Error = UiText.Users_BadRoles;
            return;
        }

        Run(() => _shell.Session.Service.SendAsync(new UserUpdate(user.Id, roles.Value, disabled, liftLock)), UiText.Users_Saved);
    }

    private void Run(Func<Task<UserSummary>> call, string done, Action? onDone = null) =>
        _shell.RunInBackground(
            call,
            user =>
            {
                _shell.Prompt.Close();
                onDone?.Invoke();
                _shell.ShowDone(Format.Text(done, user.Name));
                Load();
            },
            error =>
            {
                if (_shell.Prompt.IsActive)
                {
                    _shell.Prompt.Error = error;
                }
                else
                {
                    _shell.ShowMessage(error);
                }
            });
}
