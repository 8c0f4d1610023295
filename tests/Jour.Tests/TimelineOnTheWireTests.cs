using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Jour.Core.Cases;
using Jour.Core.UseCases;

namespace Jour.Tests;

public class TimelineOnTheWireTests
{
    [Fact]
    public void TimelineEntry_CrossesTheSocketAsCodeAndArguments_AndIsRenderedByTheReader()
    {
        var sent = new TimelineEntry(7, new DateTime(2026, 10, 24, 12, 0, 0, DateTimeKind.Utc), "Anna", null, null, null, TimelineText.CaseOpened, ["Bankruptcy"], "");

        // A note's answer is the entry, as the use case writes it on the socket.
        JsonTypeInfo wire = UseCaseCatalog.For(typeof(NoteRequest)).AnswerJson;
        string json = JsonSerializer.Serialize(sent, wire);
        var read = (TimelineEntry)JsonSerializer.Deserialize(json, wire)!;

        Assert.DoesNotContain("Konkurs", json, StringComparison.Ordinal);
        Assert.Equal(sent.Code, read.Code);
        Assert.Equal(sent.Args, read.Args);
        CultureInfo culture = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("sv-SE");
            Assert.Equal("Ärende öppnat: Konkurs", read.Render());
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
            Assert.Equal("Case opened: Bankruptcy", read.Render());
        }
        finally
        {
            CultureInfo.CurrentUICulture = culture;
        }
    }
}
