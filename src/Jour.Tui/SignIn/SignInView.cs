using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;
using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;

namespace Jour.Tui.SignIn;

/// <summary>
/// Signing in (pick a user, type the PIN) or, on a fresh non-demo install, creating the first
/// admin. What is typed stays in the field when the server refuses it.
/// </summary>
public sealed class SignInView : View
{
    private readonly IApplication _app;
    private readonly IJourService _service;
    private readonly TuiOptions _options;
    private readonly InstallInfo _install;
    private readonly ListModel<UserChoice> _users = new(u => u.Name);
    private string _setupName = "";
    private string _setupPin = "";
    private bool _confirmingQuit;
    private bool _checking;
    private string _message = "";

    public SignInView(IApplication app, IJourService service, InstallInfo install, TuiOptions options)
    {
        _app = app;
        _service = service;
        _install = install;
        _options = options;
        Width = Dim.Fill();
        Height = Dim.Fill();
        CanFocus = true;
        _users.SetRows(install.Users);
        if (install.NeedsSetup)
        {
            AskSetupName();
        }
    }

    /// <summary>Raised on the UI thread once someone is signed in.</summary>
    public event Action<SessionInfo>? SignedIn;

    /// <summary>Raised on the UI thread when quitting was confirmed (in kiosk mode by an admin's PIN).</summary>
    public event Action? QuitConfirmed;

    public PromptLine Prompt { get; } = new();

    public bool HandleKey(Key key)
    {
        if (_checking)
        {
            // The server is checking a PIN (or waiting out a failure's delay): nothing to do meanwhile.
            return true;
        }

        _message = "";
        if (_confirmingQuit)
        {
            _confirmingQuit = false;
            if (char.ToLowerInvariant((char)key.AsRune.Value) is 'j' or 'y')
            {
                QuitConfirmed?.Invoke();
            }

            SetNeedsDraw();
            return true;
        }

        if (Prompt.HandleKey(key))
        {
            SetNeedsDraw();
            return true;
        }

        if (_install.NeedsSetup)
        {
            AskSetupName();
            SetNeedsDraw();
            return true;
        }

        if (_users.Navigate(key, Viewport.Height - 6))
        {
            SetNeedsDraw();
            return true;
        }

        if (key == Key.Enter && _users.Current is { } user)
        {
            if (!user.HasPin && _install.IsDemo)
            {
                Submit(() => _service.SendAsync(new SignInUser(user.Id, "")));
            }
            else
            {
                AskPin(user);
            }

            SetNeedsDraw();
            return true;
        }

        if (key == Key.Q.WithCtrl || key == Key.F10)
        {
            if (_options.Kiosk)
            {
                AskKioskQuit();
            }
            else
            {
                _confirmingQuit = true;
            }

            SetNeedsDraw();
            return true;
        }

        return key.IsCtrl || key == Key.Esc;
    }

    protected override bool OnDrawingContent(DrawContext? context)
    {
        var canvas = new Canvas(this, _options.Ascii, Viewport.Width, Viewport.Height);
        string title = _install.NeedsSetup ? UiText.Setup_Title : UiText.SignIn_Title;
        canvas.Line(0, $" {UiText.App_Title} {canvas.Bar} {title}" + (_install.IsDemo ? $"   *** {UiText.Demo_Marker} ***" : ""));
        canvas.Line(1, canvas.Rule);
        if (!_install.NeedsSetup)
        {
            canvas.Line(2, " " + UiText.SignIn_User);
            int rows = Viewport.Height - 8;
            int top = _users.Scroll(rows);
            for (int i = 0; i < rows; i++)
            {
                int index = top + i;
                bool selected = index == _users.Selected;
                string text = index < _users.Visible.Count ? (selected ? canvas.Marker + " " : "  ") + _users.Visible[index].Name : "";
                canvas.Line(3 + i, "  " + text, highlight: selected && index < _users.Visible.Count);
            }

            // Said to everyone alike, so it reveals nothing about any one account.
            canvas.Line(Viewport.Height - 5, _install.IsDemo ? " " + UiText.SignIn_DemoHint : "");
            canvas.Line(Viewport.Height - 4, " " + UiText.SignIn_LockHint);
            canvas.Line(Viewport.Height - 3, _message.Length > 0 ? " ! " + _message : "");
        }
        else
        {
            for (int row = 2; row < Viewport.Height - 2; row++)
            {
                canvas.Line(row, "");
            }

            // The code this session's own server printed when it created the database: shown to this terminal
            // only, the way `jour server` shows it on its own.
            if (_service.SetUpCode is { } code)
            {
                canvas.Line(3, " " + UiText.Setup_CodeShown);
                canvas.Line(4, "   " + code);
                canvas.Line(5, " " + UiText.Setup_CodePrefilled);
            }
            else
            {
                canvas.Line(3, " " + UiText.Setup_CodeNeeded);
                canvas.Line(4, " " + UiText.Setup_CodeWhere);
            }
        }

        canvas.Line(Viewport.Height - 2, canvas.Rule);
        if (_confirmingQuit)
        {
            canvas.Line(Viewport.Height - 1, $" {UiText.Quit_Question} (j/n)", highlight: true);
        }
        else if (Prompt.IsActive)
        {
            string error = Prompt.Error.Length > 0 ? $"  ! {Prompt.Error}" : "";
            string line = $" {Prompt.Label} {Prompt.Shown}_{error}";
            if (line.Length > Viewport.Width)
            {
                // A long text (up to a name's limit) keeps its end and the cursor in view; the refusal moves up a row.
                if (Prompt.Error.Length > 0)
                {
                    canvas.Line(Viewport.Height - 3, " ! " + Prompt.Error, highlight: true);
                }

                line = $" {Prompt.Label} {Prompt.Shown}_";
                line = line.Length <= Viewport.Width ? line : "…" + line[^(Viewport.Width - 1)..];
            }

            canvas.Line(Viewport.Height - 1, line, highlight: true);
        }
        else
        {
            canvas.Line(Viewport.Height - 1, $" {UiText.Key_Open}  {UiText.Key_Quit}");
        }

        return true;
    }

    private void AskSetupName() =>
        Prompt.Open(UiText.Setup_Name, name =>
        {
            _setupName = name;
            Prompt.Open(UiText.Setup_Pin, pin =>
            {
                _setupPin = pin;
                Prompt.Open(UiText.Setup_PinAgain, again =>
                {
                    if (again != _setupPin)
                    {
                        Prompt.Error = UiText.Setup_PinMismatch;
                        return;
                    }

                    AskSetUpCode(_service.SetUpCode ?? "");
                }, secret: true);
            }, secret: true);
        }, initial: _setupName, limit: TextLimits.Name);

    /// <summary>The one-time code last: a wrong one asks for the code again, keeping the name and PIN.</summary>
    private void AskSetUpCode(string initial) =>
        Prompt.Open(UiText.Setup_Code, code => Submit(
            () => _service.SendAsync(new SetUpFirstAdmin(_setupName, _setupPin, code)),
            ex =>
            {
                if (ex.Code is ErrorCodes.SetUpCodeWrong)
                {
                    AskSetUpCode(code);
                }
                else
                {
                    AskSetupName();
                }
            }), initial: initial, limit: TextLimits.SetUpCode);

    private void AskPin(UserChoice user) =>
        Prompt.Open(UiText.SignIn_Pin, pin => Submit(() => _service.SendAsync(new SignInUser(user.Id, pin)), _ => AskPin(user)), secret: true);

    /// <summary>Leaving kiosk mode from the sign-in screen: an admin's name and PIN.</summary>
    private void AskKioskQuit() =>
        Prompt.Open(UiText.Kiosk_QuitAdminName, name =>
        {
            UserChoice? admin = _install.Users.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.CurrentCultureIgnoreCase));
            Prompt.Open(UiText.SignIn_Pin, pin =>
            {
                _checking = true;
                Prompt.Error = UiText.Lock_Checking;
                _ = Task.Run(async () =>
                {
                    try
                    {
                        // An unknown name is checked as id 0: refused exactly like a wrong PIN.
                        await _service.SendAsync(new PinCheck(admin?.Id ?? 0, pin, PinPurpose.Quit));
                        _app.Invoke(() =>
                        {
                            _checking = false;
                            Prompt.Close();
                            QuitConfirmed?.Invoke();
                        });
                    }
                    catch (JourException ex)
                    {
                        _app.Invoke(() =>
                        {
                            _checking = false;
                            Prompt.Close();
                            _message = ex.Localized;
                            SetNeedsDraw();
                        });
                    }
                });
            }, secret: true);
        });

    /// <summary>Signs in off the UI thread; a refusal reopens the PIN prompt empty, with the reason (the same for every failure).</summary>
    private void Submit(Func<Task<SessionInfo>> call, Action<JourException>? again = null)
    {
        _checking = true;
        Prompt.Error = UiText.Lock_Checking;
        _ = Task.Run(async () =>
        {
            try
            {
                SessionInfo session = await call();
                _app.Invoke(() =>
                {
                    _checking = false;
                    Prompt.Close();
                    SignedIn?.Invoke(session);
                });
            }
            catch (JourException ex)
            {
                _app.Invoke(() =>
                {
                    _checking = false;
                    if (again is not null)
                    {
                        again(ex);
                    }
                    else if (!Prompt.IsActive && _install.NeedsSetup)
                    {
                        AskSetupName();
                    }

                    Prompt.Error = ex.Localized;
                    SetNeedsDraw();
                });
            }
        });
    }
}
