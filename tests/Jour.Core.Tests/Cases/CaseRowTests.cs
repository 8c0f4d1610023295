using Jour.Core.Cases;

namespace Jour.Core.Tests.Cases;

public class CaseRowTests
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);

    // The board reads rows, the case screen and the guards read the case: both must name the same gap.
    [Fact]
    public void NextUncoveredWindow_IsTheCasesOwn_AtEveryHour()
    {
        var c = new Case
        {
            Needs =
            [
                new NeedWindow { FromUtc = s_now.AddHours(30), ToUtc = s_now.AddHours(38), Assistants = 1 },
                new NeedWindow { FromUtc = s_now.AddHours(5), ToUtc = s_now.AddHours(13), Assistants = 2, Confirmed = 2 },
                new NeedWindow { FromUtc = s_now.AddHours(20), ToUtc = s_now.AddHours(28), Assistants = 2, Confirmed = 1 },
                new NeedWindow { FromUtc = s_now.AddHours(-3), ToUtc = s_now.AddHours(1), Assistants = 1 },
                new NeedWindow { FromUtc = s_now.AddHours(20), ToUtc = s_now.AddHours(22), Assistants = 1 },
            ],
        };
        CaseRow row = CaseRow.Of(c);

        for (int hour = -4; hour < 40; hour++)
        {
            DateTime now = s_now.AddHours(hour);
            NeedWindow? expected = c.NextUncoveredWindow(now);
            CaseRow.Window? actual = row.NextUncoveredWindow(now);
            CaseRow.Window? wanted = expected is null ? null : new CaseRow.Window(expected.FromUtc, expected.ToUtc);
            Assert.Equal(wanted, actual);
        }
    }

    [Fact]
    public void Of_KeepsWhatTheBoardShows_AndNoLaterChangeOfTheCase()
    {
        var c = new Case { Id = 4, Number = "2026-0004", State = CaseState.Staffing, Urgency = Urgency.Acute, ClientId = 9, ProviderId = 2, ReceivedUtc = s_now, Revision = 3 };
        c.Needs.Add(new NeedWindow { FromUtc = s_now.AddHours(1), ToUtc = s_now.AddHours(2) });

        CaseRow row = CaseRow.Of(c);
        c.Needs[0].Confirmed = 1;
        c.Number = "ändrat";

        Assert.Equal((4L, "2026-0004", CaseState.Staffing, Urgency.Acute, 9L, (long?)2, s_now, 3), (row.Id, row.Number, row.State, row.Urgency, row.ClientId, row.ProviderId, row.ReceivedUtc, row.Revision));
        Assert.Equal([new CaseRow.Window(s_now.AddHours(1), s_now.AddHours(2))], row.Uncovered);
    }
}
