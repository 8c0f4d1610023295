using Jour.Core.AccessLog;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Extracts;
using Jour.Core.Identity;
using Jour.Core.Journals;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Records;

/// <summary>A person's register extract (GDPR art. 15) gathered by the server from the demo data.</summary>
public sealed class ClientExtractTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 2, 40, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _mas;
    private readonly SessionInfo _admin;
    private readonly Client _client;

    public ClientExtractTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        var users = _store.LoadUsers();
        _mas = Session(users.First(u => u.Roles.HasFlag(Role.MedicalResponsible)));
        _admin = Session(users.First(u => u.Roles == Role.Admin));

        // The client of the demo's lex Maria incident: journals in both series, a correction, an emergency read.
        long clientId = _store.LoadIncidents().First(i => i.Kind == Incidents.IncidentKind.CareInjuryRisk).ClientId!.Value;
        _client = _store.FindClient(clientId)!;
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void ByPersonnummer_GathersEverythingKeptAboutTheClient_AndNothingAboutOthers()
    {
        ClientExtract e = _useCases.Send(_mas, new GetClientExtract(0, _client.PersonalIdentityNumber, "/srv/utdrag.txt"));

        Assert.Equal(_client.Id, e.Client.Id);
        Assert.Equal(_client.PersonalIdentityNumber, e.Client.PersonalIdentityNumber);
        Assert.Equal(_client.AccessNote, e.Client.AccessNote);
        Assert.Equal(_mas.UserName, e.MadeByName);

        var cases = Enum.GetValues<CaseState>().SelectMany(_store.LoadCases).Where(c => c.ClientId == _client.Id).Select(c => c.Number).Order().ToList();
        Assert.NotEmpty(cases);
        Assert.Equal(cases, e.Cases.Select(c => c.Summary.Number).Order());
        Assert.All(e.Cases, c => Assert.NotEmpty(c.Timeline));

        // Both series, each only its own entries; the correction is there with what it corrects.
        Assert.Equal(_store.LoadJournal(_client.Id, JournalSeries.Sol).Select(x => x.Id).Order(), e.JournalSol.Select(x => x.Id).Order());
        Assert.Equal(_store.LoadJournal(_client.Id, JournalSeries.Lss).Select(x => x.Id).Order(), e.JournalLss.Select(x => x.Id).Order());
        Assert.NotEmpty(e.JournalSol);
        JournalEntryData correction = Assert.Single(e.JournalLss, x => x.CorrectsId is not null);
        Assert.Contains(e.JournalLss, x => x.Id == correction.CorrectsId);

        Assert.NotEmpty(e.Incidents);
        Assert.All(e.Incidents, i => Assert.Equal(_client.Id, i.ClientId));
        Assert.All(e.Complaints, c => Assert.Equal(_client.Id, c.ClientId));

        // Who read the data, the demo's emergency read and this extract itself included.
        Assert.All(e.AccessLog, r => Assert.Equal(_client.Id, r.ClientId));
        Assert.Contains(e.AccessLog, r => r.IsEmergency);
        AccessLogRow self = e.AccessLog[^1];
        Assert.Equal(AccessedData.ClientExtract, self.What);
        Assert.Equal(AccessBasis.MedicalResponsible, self.Basis);
        Assert.Equal("/srv/utdrag.txt", self.Reason);
        Assert.Equal(s_now, self.AtUtc);
    }

    [Fact]
    public void TheExtract_IsInTheAccessLog_UnderTheAdminWhoMadeIt()
    {
        _useCases.Send(_admin, new GetClientExtract(_client.Id, "", "skrivare"));

        AccessLogRow row = Assert.Single(_useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddMinutes(-1), s_now.AddMinutes(1), _admin.UserId, null)));
        Assert.Equal(AccessedData.ClientExtract, row.What);
        Assert.Equal(AccessBasis.Register, row.Basis);
        Assert.Equal(_client.Name, row.ClientName);
    }

    [Theory]
    [InlineData(Role.OnCallOfficer)]
    [InlineData(Role.Coordinator)]
    [InlineData(Role.Finance)]
    public void OnlyMasAndAdmins_MakeAnExtract(Role role)
    {
        SessionInfo someone = Session(_store.LoadUsers().First(u => u.Roles.HasFlag(role) && (u.Roles & (Role.MedicalResponsible | Role.Admin)) == 0));

        var refused = Assert.Throws<JourException>(() => _useCases.Send(someone, new GetClientExtract(_client.Id, "", "")));

        Assert.Equal(ErrorCodes.ExtractNotPermitted, refused.Code);
        Assert.Empty(_useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddMinutes(-1), s_now.AddMinutes(1), null, null)));
    }

    [Fact]
    public void AName_FindsTheClient_WholeOrInPart_TenDigitsToo()
    {
        Assert.Equal(_client.Id, _useCases.GetClientExtract(_mas, new GetClientExtract(0, _client.Name.ToUpperInvariant(), "")).Client.Id);
        string tenDigits = $"{_client.PersonalIdentityNumber[2..8]}-{_client.PersonalIdentityNumber[8..]}";
        Assert.Equal(_client.Id, _useCases.GetClientExtract(_mas, new GetClientExtract(0, tenDigits, "")).Client.Id);
    }

    [Fact]
    public void ANameOfSeveralClients_IsRefused_ListingThemByMaskedPersonnummer_AndNothingIsLogged()
    {
        var born = new DateOnly(1980, 3, 14);
        string first = PersonalIdentityNumber.Create(born, 12).Value;
        string second = PersonalIdentityNumber.Create(born, 34).Value;
        _store.AddClient(new Client { Name = "Sam Tvilling", PersonalIdentityNumber = first });
        _store.AddClient(new Client { Name = "Sam Tvilling", PersonalIdentityNumber = second });

        var ambiguous = Assert.Throws<JourException>(() => _useCases.GetClientExtract(_mas, new GetClientExtract(0, "sam tvilling", "")));

        Assert.Equal(ErrorCodes.ExtractClientAmbiguous, ambiguous.Code);
        string said = Messages.Format(ambiguous.Code, ambiguous.Args);
        Assert.Contains("Sam Tvilling 19800314-****, Sam Tvilling 19800314-****", said, StringComparison.Ordinal);
        Assert.DoesNotContain(first[8..], said, StringComparison.Ordinal);
        Assert.Empty(_useCases.GetAccessLog(_admin, new AccessLogQuery(s_now.AddMinutes(-1), s_now.AddMinutes(1), null, null)));

        Assert.Equal(first, _useCases.GetClientExtract(_mas, new GetClientExtract(0, first, "")).Client.PersonalIdentityNumber);
        Assert.Equal(ErrorCodes.ExtractClientUnknown, Assert.Throws<JourException>(() => _useCases.GetClientExtract(_mas, new GetClientExtract(0, "Zyxwv", ""))).Code);
    }

    private static SessionInfo Session(User u) => new(u.Id, u.Name, u.Roles, true);
}
