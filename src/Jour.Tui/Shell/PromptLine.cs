using System.Text;
using Terminal.Gui.Input;

namespace Jour.Tui.Shell;

/// <summary>
/// A one-line text entry on the bottom row (like a k9s or vim command line). What is typed stays
/// in <see cref="Text"/> until the owner clears it, so a refused save loses nothing.
/// </summary>
public sealed class PromptLine
{
    private readonly StringBuilder _text = new();
    private Action<string>? _onSubmit;
    private Action? _onCancel;
    private Action<string>? _onChange;

    public bool IsActive { get; private set; }

    public string Label { get; private set; } = "";

    public string Text => _text.ToString();

    /// <summary>Shows dots instead of what is typed (PINs).</summary>
    public bool Secret { get; private set; }

    /// <summary>Why the last submit was refused, shown beside the field.</summary>
    public string Error { get; set; } = "";

    public void Open(string label, Action<string> onSubmit, Action? onCancel = null, string initial = "", bool secret = false, Action<string>? onChange = null)
    {
        Label = label;
        _text.Clear().Append(initial);
        _onSubmit = onSubmit;
        _onCancel = onCancel;
        _onChange = onChange;
        Secret = secret;
        Error = "";
        IsActive = true;
    }

    public void Close()
    {
        IsActive = false;
        Error = "";
    }

    public string Shown => Secret ? new string('•', _text.Length) : Text;

    /// <summary>Takes every key while open; printable characters are typed, Enter submits, Esc cancels.</summary>
    public bool HandleKey(Key key)
    {
        if (!IsActive)
        {
            return false;
        }

        if (key == Key.Enter)
        {
            _onSubmit?.Invoke(Text);
        }
        else if (key == Key.Esc)
        {
            Close();
            _onCancel?.Invoke();
        }
        else if (key == Key.U.WithCtrl)
        {
            _text.Clear();
            _onChange?.Invoke(Text);
        }
        else if (key == Key.Backspace)
        {
            if (_text.Length > 0)
            {
                _text.Length--;
                _onChange?.Invoke(Text);
            }
        }
        else if (!key.IsCtrl && !key.IsAlt && key.AsRune.Value >= ' ')
        {
            _text.Append(key.AsRune.ToString());
            Error = "";
            _onChange?.Invoke(Text);
        }

        return true;
    }
}
