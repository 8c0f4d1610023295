namespace Jour.Tui.Shell;

/// <summary>A screen that shows the session's cached data and redraws it after a refresh.</summary>
public interface IReloadable
{
    void Reload();
}
