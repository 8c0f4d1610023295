using Jour.Core.Journals;
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
    public void Service_HasNoOperationThatDeletesOrChangesAJournalEntryOrTheAccessLog()
    {
        // Every path the UI has to the data goes through IJourService: none of its operations on journals
        // or the access log removes, edits or replaces anything.
        var suspicious = typeof(Core.Sessions.IJourService).GetMethods()
            .Where(m => m.Name.Contains("Journal", StringComparison.Ordinal) || m.Name.Contains("Access", StringComparison.Ordinal))
            .Where(m => new[] { "Delete", "Remove", "Update", "Edit", "Replace", "Clear", "Set" }.Any(w => m.Name.Contains(w, StringComparison.Ordinal)))
            .Select(m => m.Name)
            .ToList();
        Assert.Empty(suspicious);
        Assert.Contains(typeof(Core.Sessions.IJourService).GetMethods(), m => m.Name == "AddJournalEntryAsync");
    }
}
