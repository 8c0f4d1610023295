using Jour.Core.Journals;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Tests.Records;

/// <summary>The journal access rule alone: who reads freely, who must state a reason, who never reads.</summary>
public sealed class JournalAccessTests
{
    [Theory]
    [InlineData(Role.MedicalResponsible, false, JournalAccessLevel.Granted)]
    [InlineData(Role.MedicalResponsible, true, JournalAccessLevel.Granted)]
    [InlineData(Role.OnCallOfficer, true, JournalAccessLevel.Granted)]
    [InlineData(Role.Coordinator, true, JournalAccessLevel.Granted)]
    [InlineData(Role.OnCallOfficer, false, JournalAccessLevel.ReasonRequired)]
    [InlineData(Role.Coordinator, false, JournalAccessLevel.ReasonRequired)]
    [InlineData(Role.Admin, false, JournalAccessLevel.ReasonRequired)]
    [InlineData(Role.Admin, true, JournalAccessLevel.ReasonRequired)]
    [InlineData(Role.Finance, false, JournalAccessLevel.ReasonRequired)]
    [InlineData(Role.None, false, JournalAccessLevel.Refused)]
    [InlineData(Role.None, true, JournalAccessLevel.Refused)]
    public void Decide_ByRoleAndCase(Role roles, bool onOpenCase, JournalAccessLevel expected) =>
        Assert.Equal(expected, JournalAccess.Decide(roles, onOpenCase));

    [Fact]
    public void Stores_OfferNoWayToChangeOrDeleteAJournalEntryOrALogEntry()
    {
        // Append-only by construction: the ports have no update or delete for either.
        string[] journal = [.. typeof(IJournalStore).GetMethods().Select(m => m.Name).Order()];
        Assert.Equal(["AppendJournalEntry", "FindJournalEntry", "LoadJournal"], journal);
        string[] log = [.. typeof(Core.AccessLog.IAccessLogStore).GetMethods().Select(m => m.Name).Order()];
        Assert.Equal(["AppendAccess", "LoadAccessLog"], log);
    }

    [Fact]
    public void NoUseCaseDeletesOrChangesAJournalEntryOrTheAccessLog()
    {
        // Every path a screen or a command has to the data is a use case in the catalog. Those whose request
        // or answer is of the journals or the access log are exactly reading them and appending an entry: a
        // new one that removed, edited or replaced anything would have to be added here, on purpose.
        static bool OfRecords(Type t) =>
            t.Name.Contains("Journal", StringComparison.Ordinal) || t.Name.Contains("AccessLog", StringComparison.Ordinal)
            || t.GenericTypeArguments.Any(OfRecords);
        string[] touching = [.. UseCaseCatalog.All.Where(u => OfRecords(u.RequestType) || OfRecords(u.AnswerType)).Select(u => u.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["access-log", "add-journal-entry", "journal"], touching);
        Assert.Equal(typeof(JournalEntryData), UseCaseCatalog.For(typeof(JournalEntryRequest)).AnswerType);
    }
}
