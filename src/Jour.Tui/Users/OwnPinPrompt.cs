using Jour.Core.Users;
using Jour.Tui.Resources;
using Jour.Tui.Shell;

namespace Jour.Tui.Users;

/// <summary>
/// Alt+K on any screen: the signed-in user changes their own PIN on the prompt line, hidden, the new one
/// twice. A wrong current PIN is refused like a failed sign-in, after the same wait; the prompt stays open.
/// </summary>
internal static class OwnPinPrompt
{
    public static void Open(ShellView shell) =>
        shell.Prompt.Open(UiText.OwnPin_Current, current =>
            shell.Prompt.Open(UiText.OwnPin_New, fresh =>
                shell.Prompt.Open(UiText.Setup_PinAgain, again =>
                {
                    if (again != fresh)
                    {
                        shell.Prompt.Error = UiText.Setup_PinMismatch;
                        return;
                    }

                    shell.RunInBackground(
                        () => shell.Session.Service.SendAsync(new ChangeOwnPin(current, fresh, again)),
                        _ =>
                        {
                            shell.Prompt.Close();
                            shell.ShowDone(UiText.OwnPin_Changed);
                        },
                        error => shell.Prompt.Error = error);
                }, secret: true), secret: true), secret: true);
}
