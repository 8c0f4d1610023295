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
    public void Stores_OnlyTheThinningDeletesJournalEntriesCaseTimelinesOrTheAccessLog()
    {
        // The one exception to append-only: thinning under the retention rules (docs/records.md, "Thinning and
        // keeping"). No other port of the store has a method that deletes anything but a draft or a sign-in throttle.
        string[] deleting = [.. typeof(IJourStore).GetInterfaces().Append(typeof(IJourStore)).SelectMany(i => i.GetMethods())
            .Select(m => m.Name).Where(n => n.StartsWith("Delete", StringComparison.Ordinal) || n.StartsWith("Remove", StringComparison.Ordinal) || n.StartsWith("Thin", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)];
        Assert.Equal(["DeleteDraft", "DeleteSignInThrottle", "ThinAccessLog", "ThinClientRecords", "ThinDrafts"], deleting);
        Assert.All(["ThinAccessLog", "ThinClientRecords", "ThinDrafts"], name => Assert.NotNull(typeof(Core.Retention.IRetentionStore).GetMethod(name)));

        // The only use case that reaches them is an admin's, declared on it.
        UseCase thinning = UseCaseCatalog.For(typeof(Core.Retention.ThinDueRecords));
        Assert.Equal(Role.Admin, thinning.Access.Roles);
        Assert.Equal(Handling.LongRunning, thinning.Handling);
    }

    [Fact]
    public void NoUseCaseDeletesOrChangesAJournalEntryOrTheAccessLog()
    {
        // Every path a screen or a command has to the data is a use case in the catalog. Those whose request
        // or answer is of the journals or the access log are exactly reading them and appending an entry: a
        // new one that removed, edited or replaced anything would have to be added here, on purpose. The thinning
        // ("thin-due-records", admins only) is the sole exception: it deletes what the retention rules find due,
        // never edits, and records each thinning (Stores_OnlyTheThinningDeletes… above).
        static bool OfRecords(Type t) =>
            t.Name.Contains("Journal", StringComparison.Ordinal) || t.Name.Contains("AccessLog", StringComparison.Ordinal)
            || t.GenericTypeArguments.Any(OfRecords);
        string[] touching = [.. UseCaseCatalog.All.Where(u => OfRecords(u.RequestType) || OfRecords(u.AnswerType)).Select(u => u.Name).Order(StringComparer.Ordinal)];
        Assert.Equal(["access-log", "add-journal-entry", "journal"], touching);
        Assert.Equal(typeof(JournalEntryData), UseCaseCatalog.For(typeof(JournalEntryRequest)).AnswerType);
    }
}
