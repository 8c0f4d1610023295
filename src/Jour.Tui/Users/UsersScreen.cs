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

    public IReadOnlyList<(string Key, string Text)> Help =>
    [
        ("↑ ↓ PgUp PgDn Home End", UiText.Help_Board_Arrows),
        ("/", UiText.Help_Board_Filter),
        ("N", UiText.Help_Users_New),
        ("R", UiText.Help_Users_Roles),
        ("P", UiText.Help_Users_Pin),
        ("D", UiText.Help_Users_Disable),
        ("L", UiText.Help_Users_Lift),
    ];

    public IReadOnlyList<string> KeyHints => [UiText.Key_New, UiText.Key_UserRoles, UiText.Key_UserPin, UiText.Key_UserDisable];

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

        char letter = char.ToLowerInvariant((char)key.AsRune.Value);
        if (key.IsCtrl || key.IsAlt)
        {
            return _list.HandleFilterKey(key, _shell.Prompt);
        }

        UserSummary? user = _list.Current;
        switch (letter)
        {
            case 'n':
                AskNew();
                return true;
            case 'r' when user is not null:
                _shell.Prompt.Open(
                    Format.Text(UiText.Users_RolesPrompt, user.Name),
                    text => Update(user, RoleNames.Parse(text), user.IsDisabled, liftLock: false),
                    initial: RoleNames.Format(user.Roles));
                return true;
            case 'd' when user is not null:
                Update(user, user.Roles, !user.IsDisabled, liftLock: user.IsDisabled);
                return true;
            case 'l' when user is not null:
                Update(user, user.Roles, user.IsDisabled, liftLock: true);
                return true;
            case 'p' when user is not null:
                AskPin(Format.Text(UiText.Users_NewPinFor, user.Name), pin => Run(() => _shell.Session.Service.SendAsync(new PinReset(user.Id, pin)), UiText.Users_PinDone));
                return true;
            default:
                return _list.HandleFilterKey(key, _shell.Prompt);
        }
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

    private void AskNew() =>
        _shell.Prompt.Open(UiText.Users_NamePrompt, name =>
            _shell.Prompt.Open(UiText.Users_RolesNewPrompt, roles =>
            {
                Role? parsed = RoleNames.Parse(roles);
                if (parsed is null or Role.None)
                {
                    _shell.Prompt.Error = UiText.Users_BadRoles;
                    return;
                }

                AskPin(UiText.Users_PinPrompt, pin => Run(() => _shell.Session.Service.SendAsync(new NewUserRequest(name, "", parsed.Value, pin)), UiText.Users_Added));
            }, initial: "jourhavande", limit: TextLimits.Term), limit: TextLimits.Name);

    /// <summary>A PIN typed twice, hidden.</summary>
    private void AskPin(string label, Action<string> done) =>
        _shell.Prompt.Open(label, pin =>
            _shell.Prompt.Open(UiText.Setup_PinAgain, again =>
            {
                if (again != pin)
                {
                    _shell.Prompt.Error = UiText.Setup_PinMismatch;
                    return;
                }

                done(pin);
            }, secret: true), secret: true);

    private void Update(UserSummary user, Role? roles, bool disabled, bool liftLock)
    {
        if (roles is null or Role.None)
        {
            _shell.Prompt.Error = UiText.Users_BadRoles;
            return;
        }

        Run(() => _shell.Session.Service.SendAsync(new UserUpdate(user.Id, roles.Value, disabled, liftLock)), UiText.Users_Saved);
    }

    private void Run(Func<Task<UserSummary>> call, string done) =>
        _shell.RunInBackground(
            call,
            user =>
            {
                _shell.Prompt.Close();
                _shell.ShowMessage(Format.Text(done, user.Name));
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
