using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using Jour.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Jour.Core.Tests.Sessions;

public sealed class StaffUseCaseTests : IDisposable
{
    private static readonly DateTime s_now = new(2026, 11, 23, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(s_now));
    private readonly LiteJourStore _store = LiteJourStore.InMemory();
    private readonly JourUseCases _useCases;
    private readonly SessionInfo _admin;

    public StaffUseCaseTests()
    {
        DemoData.Seed(_store, _time);
        _useCases = new JourUseCases(_store, _time, new ChangeHub(), NullLogger<JourUseCases>.Instance);
        _admin = _useCases.SignIn(_useCases.GetInstallInfo().Users.First(u => !u.HasPin).Id, "");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void EveryField_RoundTrips_AndTheBlockLogIsLeftAlone()
    {
        StandbyAssistant blocked = _store.LoadStaff().First(s => s.IsBlocked);
        blocked.BlockLog.Add(new BlockEntry { Blocked = true, UserId = _admin.UserId, AtUtc = s_now, Reason = "utreds" });
        _store.UpdateStaff(blocked);
        long[] clients = [.. _useCases.GetClients().Take(3).Select(c => c.Id)];
        StaffData data = _useCases.GetStaffMember(blocked.Id) with
        {
            PersonalIdentityNumber = "19121212-1212",
            EmploymentForm = EmploymentForm.FixedTerm,
            WeeklyHourLimit = 37.5m,
            Competences = ["Lyft", " Sondmatning ", "lyft"],
            Delegations = [new DelegationData("Insulin", "Ssk Eva Ek", s_now, s_now.AddDays(90))],
            Availability = [new AvailabilityData(s_now.AddDays(2), s_now.AddDays(5), false, "semester"), new AvailabilityData(s_now, s_now.AddDays(1), true, "")],
            KnownClientIds = [clients[0], clients[1]],
            ExcludedClientIds = [clients[2]],
            IsBlocked = false,
        };

        StaffData saved = _useCases.SaveStaff(_admin, data);

        Assert.Equal("191212121212", saved.PersonalIdentityNumber);
        Assert.Equal(EmploymentForm.FixedTerm, saved.EmploymentForm);
        Assert.Equal(37.5m, saved.WeeklyHourLimit);
        Assert.Equal(["Lyft", "Sondmatning"], saved.Competences);
        Assert.Equal("Ssk Eva Ek", Assert.Single(saved.Delegations).IssuedBy);
        Assert.Equal([true, false], saved.Availability.Select(p => p.IsAvailable));
        Assert.Equal([clients[2]], saved.ExcludedClientIds);
        Assert.Equal(data.Revision + 1, saved.Revision);
        StandbyAssistant stored = _store.FindStaff(blocked.Id)!;
        Assert.True(stored.IsBlocked);
        Assert.Equal("utreds", Assert.Single(stored.BlockLog).Reason);
    }

    [Fact]
    public void ASaveOverSomeoneElsesNewerSave_IsRefused_AndTheirsIsKept()
    {
        long id = _store.LoadStaff()[0].Id;
        StaffData mine = _useCases.GetStaffMember(id);
        StaffData theirs = _useCases.SaveStaff(_admin, mine with { Phone = "070-999 99 99" });

        var ex = Assert.Throws<JourException>(() => _useCases.SaveStaff(_admin, mine with { WeeklyHourLimit = 10 }));

        Assert.Equal(ErrorCodes.StaffChangedByOther, ex.Code);
        Assert.Equal(theirs.Phone, _useCases.GetStaffMember(id).Phone);
        Assert.NotEqual(10, _useCases.GetStaffMember(id).WeeklyHourLimit);
    }

    [Theory]
    [InlineData("name", ErrorCodes.NameRequired)]
    [InlineData("phone", ErrorCodes.PhoneInvalid)]
    [InlineData("limit", ErrorCodes.HourLimitInvalid)]
    [InlineData("delegation", ErrorCodes.DelegationInvalid)]
    [InlineData("period", ErrorCodes.AvailabilityInvalid)]
    [InlineData("both", ErrorCodes.ClientKnownAndExcluded)]
    [InlineData("number", "Pnr_Checksum")]
    public void BadInput_IsRefused_WithTheFieldsMessage_AndNothingIsStored(string what, string code)
    {
        long client = _useCases.GetClients()[0].Id;
        var data = new StaffData(0, "Ny Assistent", "070-123 45 67", "", EmploymentForm.Hourly, 40, [], [], [], [], [], false, 0);
        data = what switch
        {
            "name" => data with { Name = " " },
            "phone" => data with { Phone = "ring mig" },
            "limit" => data with { WeeklyHourLimit = 200 },
            "delegation" => data with { Delegations = [new DelegationData("Insulin", "", s_now, s_now.AddDays(1))] },
            "period" => data with { Availability = [new AvailabilityData(s_now, s_now.AddHours(-1), false, "")] },
            "both" => data with { KnownClientIds = [client], ExcludedClientIds = [client] },
            _ => data with { PersonalIdentityNumber = "19121212-1213" },
        };
        int before = _store.LoadStaff().Count;

        Assert.Equal(code, Assert.Throws<JourException>(() => _useCases.SaveStaff(_admin, data)).Code);
        Assert.Equal(before, _store.LoadStaff().Count);
    }

    [Fact]
    public void TwoAssistants_CannotShareAPersonnummer()
    {
        var data = new StaffData(0, "Ett", "070-123 45 67", "191212121212", EmploymentForm.Hourly, 40, [], [], [], [], [], false, 0);
        _useCases.SaveStaff(_admin, data);

        Assert.Equal(ErrorCodes.DuplicateStaffNumber, Assert.Throws<JourException>(() => _useCases.SaveStaff(_admin, data with { Name = "Två" })).Code);
    }

    [Fact]
    public void OnlyOfficersCoordinatorsAndAdmins_MayEditThePool()
    {
        long finance = _useCases.GetInstallInfo().Users.First(u => u.Name == "Per Andersson").Id;
        SessionInfo per = _useCases.SignIn(finance, "");
        StaffData data = _useCases.GetStaffMember(_store.LoadStaff()[0].Id);

        Assert.Equal(ErrorCodes.StaffNotPermitted, Assert.Throws<JourException>(() => _useCases.Send(per, new SaveStaff(data with { Phone = "070-000 00 01" }))).Code);
    }
}
