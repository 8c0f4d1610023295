using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Tui.Resources;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// The idle lock (after <see cref="TuiOptions.IdleLock"/> without a key, or Ctrl+L at once), switching
/// user (Alt+X) and leaving kiosk mode (an admin's PIN). While locked nothing of the session is drawn;
/// the screens, forms and prompts stay as they were underneath, for the same user (or an admin) to unlock.
/// </summary>
public sealed partial class ShellView
{
    private readonly PromptLine _lockPrompt = new();
    private DateTime? _lastKeyUtc;
    private bool _checkingPin;
    private bool _switching;

    /// <summary>True while the lock screen hides the session.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Raised on the UI thread when the user asked to switch user (Alt+X); the app signs out.</summary>
    public event Action? SwitchUserRequested;

    /// <summary>The prompt of the lock screen and of the kiosk quit question.</summary>
    public PromptLine LockPrompt => _lockPrompt;

    /// <summary>Locks now (Ctrl+L, or idle time passed).</summary>
    public void Lock()
    {
        if (IsLocked)
        {
            return;
        }

        IsLocked = true;
        _question = null;
        _message = "";
        AskUnlockPin();
        SetNeedsDraw();
    }

    /// <summary>Shows a message on the row above the status line until the next key.</summary>
    public void ShowMessage(string message)
    {
        _message = message;
        _messageIsDone = false;
        SetNeedsDraw();
    }

    /// <summary>Says that something worked: marked as done, never with the '!' of a refusal.</summary>
    public void ShowDone(string message)
    {
        _message = message;
        _messageIsDone = true;
        SetNeedsDraw();
    }

    /// <summary>Saves every open form's draft; called before the session is signed out.</summary>
    public async Task FlushDraftsAsync()
    {
        foreach (FormScreen form in _stacks.Values.SelectMany(s => s).OfType<FormScreen>().ToList())
        {
            try
            {
                await form.FlushDraftAsync();
            }
            catch (JourException)
            {
                // The server refused or is away: the periodic draft had most of it; switching goes on.
            }
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Session.Service.Changed -= OnServerChanged;
        }

        base.Dispose(disposing);
    }

    private void LockWhenIdle()
    {
        DateTime now = UtcNow;
        _lastKeyUtc ??= now;
        if (!IsLocked && _options.IdleLock > TimeSpan.Zero && now - _lastKeyUtc.Value >= _options.IdleLock)
        {
            Lock();
        }
    }

    /// <summary>Keys the shell handles before anything else; true when the key was used.</summary>
    private bool HandleSecurityKey(Key key)
    {
        _lastKeyUtc = UtcNow;
        if (Global("global.switch-user").Matches(key))
        {
            RequestSwitchUser();
            return true;
        }

        if (IsLocked)
        {
            if (_checkingPin)
            {
                return true;
            }

            if (key == Key.Tab)
            {
                AskAdminName(UiText.Lock_AdminName, PinPurpose.Unlock);
            }
            else
            {
                _lockPrompt.HandleKey(key);
            }

            // Every key is taken while locked: nothing reaches the screens underneath.
            return true;
        }

        if (_lockPrompt.IsActive)
        {
            // The kiosk quit question.
            if (!_checkingPin)
            {
                _lockPrompt.HandleKey(key);
            }

            return true;
        }

        if (Global("global.lock").Matches(key))
        {
            Lock();
            return true;
        }

        return false;
    }

    private void RequestSwitchUser()
    {
        if (_switching)
        {
            return;
        }

        _switching = true;
        IsLocked = true;
        _lockPrompt.Close();
        SwitchUserRequested?.Invoke();
    }

    private void AskUnlockPin() =>
        _lockPrompt.Open(
            Format.Text(UiText.Lock_PinFor, Session.Session.UserName),
            pin => CheckPin(new PinCheck(Session.Session.UserId, pin, PinPurpose.Unlock)),
            onCancel: AskUnlockPin,
            secret: true);

    /// <summary>Leaving kiosk mode: an admin's name and PIN.</summary>
    private void AskKioskQuit() => AskAdminName(UiText.Kiosk_QuitAdminName, PinPurpose.Quit);

    private void AskAdminName(string label, PinPurpose purpose) =>
        _lockPrompt.Open(label, name =>
        {
            _lockPrompt.Open(
                UiText.SignIn_Pin,
                pin =>
                {
                    _checkingPin = true;
                    _lockPrompt.Error = UiText.Lock_Checking;
                    RunInBackground(
                        async () =>
                        {
                            InstallInfo install = await Session.Service.SendAsync(new GetInstallInfo());
                            // An unknown name is checked as id 0: refused exactly like a wrong PIN.
                            return install.Users.FirstOrDefault(u => string.Equals(u.Name, name.Trim(), StringComparison.CurrentCultureIgnoreCase))?.Id ?? 0;
                        },
                        id => CheckPin(new PinCheck(id, pin, purpose)),
                        _ => CheckPin(new PinCheck(0, pin, purpose)));
                },
                onCancel: Back,
                secret: true);
        }, onCancel: Back);

    // Esc from an admin prompt: back to the lock screen's own PIN, or out of the kiosk quit question.
    private void Back()
    {
        if (IsLocked)
        {
            AskUnlockPin();
        }
    }

    private void CheckPin(PinCheck check)
    {
        _checkingPin = true;
        _lockPrompt.Error = UiText.Lock_Checking;
        RunInBackground(
            () => Session.Service.SendAsync(check),
            _ =>
            {
                _checkingPin = false;
                _lockPrompt.Close();
                if (check.Purpose == PinPurpose.Quit)
                {
                    QuitRequested = true;
                    QuitConfirmed?.Invoke();
                    return;
                }

                IsLocked = false;
                _lastKeyUtc = UtcNow;
            },
            error =>
            {
                _checkingPin = false;
                if (IsLocked)
                {
                    AskUnlockPin();
                }
                else
                {
                    _lockPrompt.Close();
                    ShowMessage(error);
                    return;
                }

                _lockPrompt.Error = error;
            });
    }

    private void DrawLocked(Canvas canvas)
    {
        string demo = Session.Session.IsDemo ? $"   *** {UiText.Demo_Marker} ***" : "";
        canvas.Line(0, $" {UiText.App_Title} {canvas.Bar} {UiText.Lock_Title}{demo}");
        canvas.Line(1, canvas.Rule);
        string[] lines =
        [
            "",
            "   " + UiText.Lock_Locked,
            "   " + Format.Text(UiText.Lock_SignedIn, Session.Session.UserName),
            "",
            "   " + UiText.Lock_TypePin,
            "",
            $"   {"Tab",-8} {UiText.Lock_AdminHint}",
            $"   {"Alt+X",-8} {UiText.Lock_SwitchHint}",
        ];
        for (int row = 2; row < canvas.Height - 3; row++)
        {
            int index = row - 2;
            canvas.Line(row, _switching ? (index == 1 ? "   " + UiText.Lock_Switching : "") : index < lines.Length ? lines[index] : "");
        }

        canvas.Line(canvas.Height - 3, canvas.Rule);
        string clock = SwedishTime.FormatClock(UtcNow);
        canvas.Line(canvas.Height - 2, $" {clock}");
        if (_lockPrompt.IsActive && !_switching)
        {
            string error = _lockPrompt.Error.Length > 0 ? $"   ! {_lockPrompt.Error}" : "";
            canvas.Line(canvas.Height - 1, $" {_lockPrompt.Label} {_lockPrompt.Shown}_{error}", highlight: true);
        }
        else
        {
            canvas.Line(canvas.Height - 1, "");
        }
    }
}
