using Jour.Tui.Shell;
using Terminal.Gui.Input;

namespace Jour.Tui.Tests;

public class ListModelTests
{
    [Fact]
    public void Filter_KeepsMatchingRows_NavigationClamps_AndSelectionFollowsTheRow()
    {
        var list = new ListModel<string>(s => s);
        list.SetRows(["Anna Ek", "Erik Berg", "Åsa Ek"]);

        list.SetFilter("ek");
        Assert.Equal(["Anna Ek", "Åsa Ek"], list.Visible);

        list.Navigate(Key.End, 10);
        list.Navigate(Key.CursorDown, 10);
        Assert.Equal("Åsa Ek", list.Current);

        list.SetFilter("");
        list.SetRows(["Åsa Ek", "Anna Ek"], (a, b) => a == b);
        list.Navigate(Key.Home, 10);
        Assert.Equal("Åsa Ek", list.Current);
    }
}
