using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Identity;
using Jour.Core.Providers;
using Jour.Core.Roster;
using Jour.Core.ShortTermCare;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using NodaTime;

namespace Jour.Core.Demo;

/// <summary>
/// Believable Swedish demo data, the same for the same seed and day: officers and an on-call
/// rotation around today, a standby pool, clients with valid personnummer, providers, and cases
/// in every state reached through the real case machine.
/// </summary>
public static partial class DemoData
{
    /// <summary>Names of every demo person, so tests can prove none of them reaches a log.</summary>
    public static readonly IReadOnlyList<string> FemaleFirstNames =
    [
        "Anna", "Maria", "Karin", "Sara", "Elin", "Lena", "Ingrid", "Emma", "Sofia", "Kerstin",
        "Linnéa", "Åsa", "Maja", "Birgitta", "Helena", "Johanna", "Ebba", "Märta",
    ];

    public static readonly IReadOnlyList<string> MaleFirstNames =
    [
        "Erik", "Lars", "Johan", "Anders", "Per", "Karl", "Mikael", "Olof", "Nils", "Gustav",
        "Björn", "Jonas", "Mattias", "Sven", "Örjan", "Ali", "Henrik", "Tobias",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Lindqvist", "Johansson", "Nilsson", "Berg", "Holm", "Ek", "Wikström", "Andersson", "Karlsson",
        "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson", "Pettersson", "Jonsson",
        "Lindberg", "Sandberg", "Forsberg", "Åberg", "Hedlund", "Söderström", "Lundgren", "Mohammed",
        "Öberg", "Nyström", "Björklund",
    ];

    internal static readonly string[] s_competences =
    [
        "Lyft", "Sondmatning", "Epilepsi", "Teckenspråk", "Andningsstöd", "Insulin", "Arabiska", "Finska", "Körkort",
    ];

    private static readonly (string Name, ProviderStatus Status)[] s_providers =
    [
        ("Assistanskompaniet Norrland AB", ProviderStatus.Active),
        ("Omsorgsbolaget Väst AB", ProviderStatus.Bankrupt),
        ("Trygg Assistans i Sverige AB", ProviderStatus.Active),
        ("Hemhjälpen Personlig Assistans AB", ProviderStatus.PermitRevoked),
    ];

    /// <summary>Writes the demo data into an emptied store marked as demo.</summary>
    public static void Seed(IJourStore store, TimeProvider time, int seed = 20261123)
    {
        var random = new Random(seed);
        DateTime now = time.GetUtcNow().UtcDateTime;
        LocalDate today = SwedishTime.ToLocal(now).Date;
        store.Reset(isDemo: true);

        store.AddUser(new User { Name = "Demo Admin", Roles = Role.Admin, Phone = "070-000 00 00" });
        string[] officerNames = ["Anna Lindqvist", "Erik Johansson", "Maria Nilsson", "Johan Berg", "Sara Holm"];
        var officers = officerNames
            .Select((n, i) => store.AddUser(new User { Name = n, Roles = Role.OnCallOfficer, Phone = $"070-11{i} 22 33" }))
            .ToList();
        store.AddUser(new User { Name = "Karin Ek", Roles = Role.Coordinator | Role.OnCallOfficer, Phone = "070-222 33 44" });
        store.AddUser(new User { Name = "Lena Wikström", Roles = Role.MedicalResponsible, Phone = "070-333 44 55" });
        store.AddUser(new User { Name = "Per Andersson", Roles = Role.Finance, Phone = "070-444 55 66" });

        SeedRotation(store, officers, today, now);
        var providers = s_providers
            .Select((p, i) => store.AddProvider(new Provider
            {
                Name = p.Name,
                Status = p.Status,
                Permit = p.Status == ProviderStatus.PermitRevoked ? IvoPermit.Revoked : IvoPermit.Granted,
                Contacts = [new ContactPerson { Name = $"{FemaleFirstNames[i % FemaleFirstNames.Count]} {LastNames[(i * 5) % LastNames.Count]}", Phone = $"070-{200 + i} 11 22" }],
                OrganisationNumber = OrganisationNumberFor(5560000 + (i * 7919)),
                Phone = $"010-{100 + i} 20 30",
            }))
            .ToList();

        // Details added later draw from their own sequence, so the rest of the demo stays as it was.
        var details = new Random(seed + 1);
        var staff = new List<StandbyAssistant>();
        for (int i = 0; i < 24; i++)
        {
            bool female = random.Next(2) == 0;
            var birth = new DateOnly(details.Next(1965, 2004), details.Next(1, 13), details.Next(1, 29));
            staff.Add(store.AddStaff(new StandbyAssistant
            {
                Name = RandomName(random, female),
                Phone = $"073-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                PersonalIdentityNumber = PersonalIdentityNumber.Create(birth, (details.Next(1, 50) * 10) + (details.Next(0, 5) * 2) + (female ? 0 : 1)).Value,
                EmploymentForm = i % 5 == 0 ? EmploymentForm.Permanent : i % 5 == 1 ? EmploymentForm.FixedTerm : EmploymentForm.Hourly,
                Competences = [.. s_competences.Where(k => random.Next(4) == 0 || (k == "Lyft" && i % 3 == 0))],
                WeeklyHourLimit = random.Next(2) == 0 ? 40 : 20,
                IsBlocked = i == 17,
            }));
        }

        var clients = new List<Client>();
        for (int i = 0; i < 32; i++)
        {
            bool female = random.Next(2) == 0;
            var birth = new DateOnly(random.Next(1940, 2016), random.Next(1, 13), random.Next(1, 29));
            int serial = (random.Next(1, 50) * 10) + (random.Next(0, 5) * 2) + (female ? 0 : 1);
            var number = PersonalIdentityNumber.Create(birth, serial);
            bool selfEmployer = i % 9 == 4;
            clients.Add(store.AddClient(new Client
            {
                Name = RandomName(random, female),
                PersonalIdentityNumber = number.Value,
                Sex = number.IsFemale ? Sex.Female : Sex.Male,
                Address = $"{LastNames[random.Next(LastNames.Count)]}vägen {random.Next(1, 60)}, Umeå",
                AccessNote = $"Portkod {random.Next(1000, 9999)}",
                ProviderId = selfEmployer ? null : providers[i % providers.Count].Id,
                IsSelfEmployer = selfEmployer,
                GrantedHoursPerWeek = random.Next(20, 168),
                Needs = [.. s_competences.Where(_ => random.Next(5) == 0)],
            }));
        }

        SeedStaffDetails(store, staff, clients, today, details);
        SeedShortTermUnits(store);
        SeedCases(store, clients, officers, now, random);
        SeedFollowUp(store, clients, officers, now, new Random(seed + 8));
        SeedHandover(store, now);
        SeedPinUser(store);
        SeedRecords(store, now);
    }

    /// <summary>The first day of the demo rotation: far enough back that `jour oncall --at` in the past answers.</summary>
    private static readonly LocalDate s_rotationStart = new(2026, 1, 5);

    /// <summary>
    /// Twelve-hour shifts 07–19 and 19–07 Stockholm time, the five officers in turn, since a fixed date
    /// (or four weeks back, whichever is earlier), so the same day always shows the same officers.
    /// </summary>
    internal static void SeedRotation(IJourStore store, List<User> officers, LocalDate today, DateTime now)
    {
        LocalDate start = today.PlusWeeks(-4) < s_rotationStart ? today.PlusWeeks(-4) : s_rotationStart;
        store.AddRotation(new Rotation
        {
            Name = Messages.Get("Demo_RotationName"),
            OfficerIds = [.. officers.Select(o => o.Id)],
            Pattern = RotationPattern.Daily,
            StartDate = Rotation.FormatDate(start),
            HandOffMinutes = [7 * 60, 19 * 60],
            ValidFromUtc = SwedishTime.ToUtcLenient(start.AtMidnight()),
            ChangedBy = officers[0].Id,
            ChangedUtc = now,
        });
    }

    private static void SeedCases(IJourStore store, List<Client> clients, List<User> officers, DateTime now, Random random)
    {
        // Each row: the client, the state to reach, how urgent, how long ago the call came.
        (CaseState Target, Urgency Urgency, double HoursAgo, CaseReason Reason)[] plan =
        [
            (CaseState.Received, Urgency.Acute, 0.3, CaseReason.SicknessOrStaffShortage),
            (CaseState.Assessing, Urgency.High, 1.5, CaseReason.Bankruptcy),
            (CaseState.Assessing, Urgency.Normal, 5, CaseReason.SicknessOrStaffShortage),
            (CaseState.Staffing, Urgency.Acute, 3, CaseReason.PermitRevoked),
            (CaseState.Staffing, Urgency.High, 20, CaseReason.SicknessOrStaffShortage),
            (CaseState.Covered, Urgency.Normal, 30, CaseReason.ProviderChange),
            (CaseState.ShortTermPlacement, Urgency.High, 52, CaseReason.Bankruptcy),
            (CaseState.HandedBack, Urgency.Normal, 80, CaseReason.SicknessOrStaffShortage),
            (CaseState.Closed, Urgency.Normal, 240, CaseReason.SicknessOrStaffShortage),
            (CaseState.Declined, Urgency.Normal, 100, CaseReason.Other),
            (CaseState.Withdrawn, Urgency.Normal, 60, CaseReason.SicknessOrStaffShortage),
            (CaseState.Received, Urgency.Normal, 0.1, CaseReason.Other),
        ];

        for (int i = 0; i < plan.Length; i++)
        {
            var p = plan[i];
            Client client = clients[(i * 5) % clients.Count];
            long officer = officers[i % officers.Count].Id;
            DateTime received = now.AddHours(-p.HoursAgo);
            var c = new Case
            {
                ClientId = client.Id,
                ProviderId = client.ProviderId,
                Reason = p.Reason,
                Urgency = p.Urgency,
                CallerName = RandomName(random, random.Next(2) == 0),
                CallerPhone = $"070-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                Description = Messages.Get("Demo_CaseDescription_" + p.Reason),
                ReceivedUtc = received,
                UpdatedUtc = received,
                UpdatedBy = officer,
                Revision = 1,
                Needs = NeedsTonight(now, p.Target),
            };
            c = store.AddCase(c, new CaseEvent { AtUtc = received, UserId = officer, To = CaseState.Received, Code = TimelineText.DemoCaseOpened });
            Drive(store, c, p.Target, officer, received);
            if (p.Target == CaseState.Covered)
            {
                Deploy(store, c, officer, received);
            }
            else if (p.Target == CaseState.Staffing)
            {
                // Continuity: someone in the pool already knows this client.
                var knows = store.LoadStaff().Where(s => !s.IsBlocked).ElementAt(i % 5);
                knows.KnownClientIds.Add(client.Id);
                store.UpdateStaff(knows);
            }
        }
    }

    /// <summary>The confirmed deployments behind a covered case's windows, with assistants who qualify.</summary>
    private static void Deploy(IJourStore store, Case c, long officer, DateTime at)
    {
        var used = new HashSet<long>();
        foreach (NeedWindow w in c.Needs)
        {
            var fit = store.LoadStaff()
                .Where(s => !s.IsBlocked && !used.Contains(s.Id) && w.Competences.All(k => s.Competences.Contains(k)))
                .Take(w.Confirmed);
            foreach (StandbyAssistant s in fit)
            {
                used.Add(s.Id);
                store.AddDeployment(new Deployment
                {
                    CaseId = c.Id,
                    AssistantId = s.Id,
                    FromUtc = w.FromUtc,
                    ToUtc = w.ToUtc,
                    State = DeploymentState.Confirmed,
                    CreatedBy = officer,
                    CreatedUtc = at,
                });
            }
        }
    }

    private static List<NeedWindow> NeedsTonight(DateTime now, CaseState target)
    {
        DateTime tonight = now.Date.AddHours(21);
        bool covered = target is CaseState.Covered or CaseState.HandedBack or CaseState.Closed;
        return
        [
            new NeedWindow { FromUtc = tonight, ToUtc = tonight.AddHours(9), Assistants = 2, Competences = ["Lyft"], Confirmed = covered ? 2 : 0 },
            new NeedWindow { FromUtc = tonight.AddHours(9), ToUtc = tonight.AddHours(17), Assistants = 1, Confirmed = covered ? 1 : 0 },
        ];
    }

    // Walks the case through the machine, so the demo timeline shows real transitions.
    private static void Drive(IJourStore store, Case c, CaseState target, long officer, DateTime start)
    {
        CaseTrigger[] path = target switch
        {
            CaseState.Assessing => [CaseTrigger.StartAssessment],
            CaseState.Declined => [CaseTrigger.StartAssessment, CaseTrigger.Decline],
            CaseState.Withdrawn => [CaseTrigger.Withdraw],
            CaseState.Staffing => [CaseTrigger.StartAssessment, CaseTrigger.Accept],
            CaseState.Covered => [CaseTrigger.StartAssessment, CaseTrigger.Accept, CaseTrigger.MarkCovered],
            CaseState.ShortTermPlacement => [CaseTrigger.StartAssessment, CaseTrigger.Accept, CaseTrigger.MoveToShortTermPlacement],
            CaseState.HandedBack => [CaseTrigger.StartAssessment, CaseTrigger.Accept, CaseTrigger.MarkCovered, CaseTrigger.HandBack],
            CaseState.Closed => [CaseTrigger.StartAssessment, CaseTrigger.Accept, CaseTrigger.MarkCovered, CaseTrigger.HandBack, CaseTrigger.Close],
            _ => [],
        };

        DateTime at = start;
        foreach (CaseTrigger trigger in path)
        {
            at = at.AddMinutes(20);
            if (trigger == CaseTrigger.Accept)
            {
                c.ProviderAlternativesExhausted = true;
                c.Verification =
                [
                    new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted, AtUtc = at.AddMinutes(-15), Outcome = Messages.Get("Demo_Step1") },
                    new VerificationStep { Step = PriorityStep.StandbyPool, AtUtc = at.AddMinutes(-5), Outcome = Messages.Get("Demo_Step2") },
                ];
            }

            if (trigger == CaseTrigger.MoveToShortTermPlacement)
            {
                c.Verification.Add(new VerificationStep { Step = PriorityStep.ShortTermPlacement, AtUtc = at.AddMinutes(-5), Outcome = Messages.Get("Demo_Step3") });
                ShortTermUnit unit = store.LoadShortTermUnits()[0];
                c.ShortTermBookingId = store.AddShortTermBooking(new ShortTermBooking { UnitId = unit.Id, CaseId = c.Id, FromUtc = at, BookedBy = officer }).Id;
            }

            CaseEvent entry = c.Fire(trigger, at, officer, Case.RequiresReason(trigger) ? Messages.Get("Demo_Reason_" + trigger) : "", Generation.TypicalClosing.At(at));
            entry.AtUtc = at;
            int seen = c.Revision;
            c.Revision++;
            store.TrySaveCase(c, seen, entry);
        }
    }

    private static void SeedShortTermUnits(IJourStore store)
    {
        store.AddShortTermUnit(new ShortTermUnit { Name = "Björkgårdens korttidsboende", Places = 6, Phone = "090-16 10 00", Note = "Vuxna, lyft finns" });
        store.AddShortTermUnit(new ShortTermUnit { Name = "Solrosen korttidsvistelse (barn och unga)", Places = 4, Phone = "090-16 20 00", Note = "Under 21 år" });
        store.AddShortTermUnit(new ShortTermUnit { Name = "Tallbackens korttids", Places = 2, Phone = "090-16 30 00", Note = "" });
    }

    internal static string RandomName(Random random, bool female)
    {
        var first = female ? FemaleFirstNames : MaleFirstNames;
        return $"{first[random.Next(first.Count)]} {LastNames[random.Next(LastNames.Count)]}";
    }

    internal static string OrganisationNumberFor(int prefix)
    {
        string nine = prefix.ToString("000000000", SwedishCulture.Instance)[..9];
        nine = "55" + nine[2..];
        return nine + Luhn.CheckDigit(nine).ToString(SwedishCulture.Instance);
    }
}
