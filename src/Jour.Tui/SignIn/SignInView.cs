using Jour.Core.Common;
using Jour.Core.Sessions;
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

    public PromptLine Prompt { get; } = new();

    public bool HandleKey(Key key)
    {
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
                Submit(() => _service.SignInAsync(user.Id, ""));
            }
            else
            {
                Prompt.Open(UiText.SignIn_Pin, pin => Submit(() => _service.SignInAsync(user.Id, pin)), secret: true);
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
            int rows = Viewport.Height - 6;
            int top = _users.Scroll(rows);
            for (int i = 0; i < rows; i++)
            {
                int index = top + i;
                bool selected = index == _users.Selected;
                string text = index < _users.Visible.Count ? (selected ? canvas.Marker + " " : "  ") + _users.Visible[index].Name : "";
                canvas.Line(3 + i, "  " + text, highlight: selected && index < _users.Visible.Count);
            }
        }
        else
        {
            for (int row = 2; row < Viewport.Height - 2; row++)
            {
                canvas.Line(row, "");
            }
        }

        canvas.Line(Viewport.Height - 2, canvas.Rule);
        if (Prompt.IsActive)
        {
            string error = Prompt.Error.Length > 0 ? $"  ! {Prompt.Error}" : "";
            canvas.Line(Viewport.Height - 1, $" {Prompt.Label} {Prompt.Shown}_{error}", highlight: true);
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

                    Submit(() => _service.SetUpFirstAdminAsync(_setupName, _setupPin));
                }, secret: true);
            }, secret: true);
        }, initial: _setupName);

    private void Submit(Func<Task<SessionInfo>> call) =>
        _ = Task.Run(async () =>
        {
            try
            {
                SessionInfo session = await call();
                _app.Invoke(() =>
                {
                    Prompt.Close();
                    SignedIn?.Invoke(session);
                });
            }
            catch (JourException ex)
            {
                _app.Invoke(() =>
                {
                    if (!Prompt.IsActive && _install.NeedsSetup)
                    {
                        AskSetupName();
                    }

                    Prompt.Error = ex.Localized;
                    SetNeedsDraw();
                });
            }
        });
}
