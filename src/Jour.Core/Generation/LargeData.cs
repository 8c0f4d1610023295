using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Demo;
using Jour.Core.Deployments;
using Jour.Core.Identity;
using Jour.Core.Providers;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Generation;

/// <summary>What a generation wrote.</summary>
public sealed record LargeDataSummary(int Cases, int OpenCases, int Clients, int Providers, int Staff, int Officers, long Events, long Deployments, long TimeReports, long UnsignedTimeReports, long UpcomingDeployments, LargeRecordsSummary Records);

/// <summary>
/// Believable data at scale for benchmarks and load tests (issue 9), the same for the same seed and
/// "now": officers and a rotation, providers, clients with valid personnummer, standby assistants
/// with personnummer, competences and delegations, and cases spread over the years in every state,
/// walked through the real case machine, with their deployments (every state) and time reports
/// (most signed by assistant and client), and the records over the same years (<see cref="LargeRecords"/>:
/// journals of both series, the access log, incidents and complaints). Writes through the store ports in batches; the database
/// is emptied first and marked demo, since nobody in it is real.
/// </summary>
public static class LargeData
{
    private static readonly string[] s_delegatedTasks = ["Sondmatning", "Insulin", "Läkemedel", "Stomivård", "Syrgas"];
    private static readonly string[] s_nurses = ["Leg. ssk Eva Strand", "Leg. ssk Omar Haddad", "Leg. ssk Lisa Kron", "Leg. ssk Jan Dahl"];
    private static readonly string[] s_streets = ["Storgatan", "Kungsgatan", "Skolgatan", "Järnvägsgatan", "Björkvägen", "Tallvägen", "Ringvägen", "Östra Esplanaden", "Västra Strandgatan", "Ålidhemsgatan"];
    private static readonly string[] s_towns = ["Umeå", "Holmsund", "Sävar", "Hörnefors", "Obbola"];

    private static readonly CaseState[] s_openPlan =
    [
        CaseState.Received, CaseState.Assessing, CaseState.Assessing,
        CaseState.Staffing, CaseState.Staffing, CaseState.Staffing, CaseState.Staffing,
        CaseState.Covered, CaseState.Covered, CaseState.Covered, CaseState.Covered,
        CaseState.ShortTermPlacement, CaseState.HandedBack, CaseState.HandedBack,
    ];

    /// <summary>Writes a whole database; <paramref name="progress"/> hears the number of cases written so far.</summary>
    public static LargeDataSummary Generate(IJourStore store, IBulkStore bulk, LargeDataOptions options, TimeProvider time, Action<int>? progress = null)
    {
        var random = new Random(options.Seed);
        DateTime now = options.NowUtc ?? time.GetUtcNow().UtcDateTime;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
        store.Reset(isDemo: true);

        var officers = AddUsers(store, options, now);
        var providers = AddProviders(store, options, random);
        var clients = AddClients(store, options, providers, random, now);
        var staff = AddStaff(store, options, clients, random, now);

        // A region's short-term units, so `jour load` can place cases (drawing nothing from the sequence).
        for (int i = 1; i <= 8; i++)
        {
            store.AddShortTermUnit(new ShortTermCare.ShortTermUnit { Name = $"Korttidsenhet {i}", Places = 4 + (i % 3), Phone = $"090-16 {i}0 00" });
        }

        var world = new World(random, now, options, officers, clients, staff);
        var plan = Plan(options, random, now);
        int staffedEnded = plan.Count(p => p.Outcome is Outcome.ClosedCovered or Outcome.ClosedPlacement or Outcome.ClosedHandedBack);
        world.ReportsPerStaffedCase = staffedEnded == 0 ? 0 : options.TimeReportsPerCase * options.Cases / staffedEnded;
        int staffable = plan.Count(p => p.Open is CaseState.Staffing or CaseState.Covered);
        int upcomingLeft = options.UpcomingDeployments;

        var batch = new List<CaseHistory>(options.BatchSize);
        var spans = new List<CaseSpan>(options.Cases);
        int written = 0;
        foreach (Planned p in plan)
        {
            int upcoming = 0;
            if (p.Open is CaseState.Staffing or CaseState.Covered)
            {
                upcoming = staffable == 0 ? 0 : (int)Math.Round((double)upcomingLeft / staffable--);
                upcomingLeft -= upcoming;
            }

            batch.Add(world.Build(p, upcoming));
            if (batch.Count == options.BatchSize)
            {
                bulk.AddCaseHistories(batch);
                spans.AddRange(batch.Select(Span));
                written += batch.Count;
                batch.Clear();
                progress?.Invoke(written);

                // The store checkpoints only when told; without this the log would hold the whole file once more.
                if (written % (options.BatchSize * 10) == 0)
                {
                    store.Checkpoint();
                }
            }
        }

        bulk.AddCaseHistories(batch);
        spans.AddRange(batch.Select(Span));
        written += batch.Count;
        progress?.Invoke(written);
        store.Checkpoint();
        LargeRecordsSummary records = LargeRecords.Generate(bulk, options.Seed, now.AddDays(-options.Years * 365.25), now, clients, officers, spans, options.BatchSize);
        store.Checkpoint();
        return new LargeDataSummary(
            written, plan.Count(p => p.Open is not null), clients.Count, providers.Count, staff.Count, officers.Count,
            world.Events, world.Deployments, world.Reports, world.Unsigned, world.Upcoming, records);
    }

    private static CaseSpan Span(CaseHistory h) => new(h.Case.Id, h.Case.ClientId, h.Case.ReceivedUtc, h.Case.EndedUtc);

    private static List<User> AddUsers(IJourStore store, LargeDataOptions options, DateTime now)
    {
        // The same people as the demo first, so a generated database signs in like the demo.
        store.AddUser(new User { Name = "Demo Admin", Roles = Role.Admin, Phone = "070-000 00 00" });
        var officers = new List<User>();
        var random = new Random(options.Seed + 1);
        for (int i = 0; i < options.Officers; i++)
        {
            bool female = i % 2 == 0;
            officers.Add(store.AddUser(new User { Name = DemoData.RandomName(random, female), Roles = Role.OnCallOfficer, Phone = $"070-1{i / 10 % 10}{i % 10} 22 33" }));
        }

        store.AddUser(new User { Name = "Karin Ek", Roles = Role.Coordinator | Role.OnCallOfficer, Phone = "070-222 33 44" });
        store.AddUser(new User { Name = "Lena Wikström", Roles = Role.MedicalResponsible, Phone = "070-333 44 55" });
        store.AddUser(new User { Name = "Per Andersson", Roles = Role.Finance, Phone = "070-444 55 66" });
        DemoData.SeedRotation(store, officers, SwedishTime.ToLocal(now).Date, now);
        return officers;
    }

    private static List<Provider> AddProviders(IJourStore store, LargeDataOptions options, Random random)
    {
        int count = options.Providers > 0 ? options.Providers : Math.Max(4, options.Clients / 40);
        string[] words = ["Assistans", "Omsorg", "Trygghet", "Vård", "Stöd", "Hjälp", "Livskvalitet", "Omtanke"];
        string[] places = ["Norrland", "Väst", "Umeå", "Sverige", "Bottenviken", "Kusten", "Älvdalen", "Mitt"];
        var providers = new List<Provider>(count);
        for (int i = 0; i < count; i++)
        {
            ProviderStatus status = i % 23 == 1 ? ProviderStatus.Bankrupt : i % 31 == 3 ? ProviderStatus.PermitRevoked : ProviderStatus.Active;
            providers.Add(new Provider
            {
                Name = $"{words[random.Next(words.Length)]}{(i % 3 == 0 ? "kompaniet" : "bolaget")} {places[random.Next(places.Length)]} {i + 1} AB",
                OrganisationNumber = DemoData.OrganisationNumberFor(5560000 + (i * 7919)),
                Status = status,
                Permit = status == ProviderStatus.PermitRevoked ? IvoPermit.Revoked : i % 17 == 5 ? IvoPermit.Applied : IvoPermit.Granted,
                HasFTax = i % 29 != 7,
                Phone = $"010-{100 + (i % 900)} {random.Next(10, 99)} {random.Next(10, 99)}",
                Contacts = [new ContactPerson { Name = DemoData.RandomName(random, random.Next(2) == 0), Phone = Phone(random) }],
                Revision = 1,
            });
        }

        store.AddProviders(providers);
        return [.. store.LoadProviders()];
    }

    private static List<Client> AddClients(IJourStore store, LargeDataOptions options, List<Provider> providers, Random random, DateTime now)
    {
        var numbers = new HashSet<string>();
        var clients = new List<Client>(options.Clients);
        DateOnly today = DateOnly.FromDateTime(now);
        while (clients.Count < options.Clients)
        {
            bool female = random.Next(2) == 0;
            var birth = new DateOnly(random.Next(1935, today.Year - 1), random.Next(1, 13), random.Next(1, 29));
            var number = PersonalIdentityNumber.Create(birth, (random.Next(1, 99) * 10) + (random.Next(0, 5) * 2) + (female ? 0 : 1));
            if (!numbers.Add(number.Value))
            {
                continue;
            }

            bool selfEmployer = random.Next(12) == 0;
            bool child = today.Year - birth.Year < 18;
            var client = new Client
            {
                Name = DemoData.RandomName(random, female),
                PersonalIdentityNumber = number.Value,
                Sex = number.IsFemale ? Sex.Female : Sex.Male,
                Address = $"{s_streets[random.Next(s_streets.Length)]} {random.Next(1, 80)}, {s_towns[random.Next(s_towns.Length)]}",
                AccessNote = random.Next(3) == 0 ? $"Nyckel i nyckelskåp, kod {random.Next(1000, 9999)}" : $"Portkod {random.Next(1000, 9999)}",
                ProviderId = selfEmployer ? null : providers[random.Next(providers.Count)].Id,
                IsSelfEmployer = selfEmployer,
                GrantedHoursPerWeek = random.Next(20, 169) + (random.Next(2) * 0.5m),
                Basis = random.Next(3) == 0 ? AssistanceBasis.Lss : AssistanceBasis.Sfb,
                Needs = [.. DemoData.s_competences.Where(_ => random.Next(6) == 0)],
                DelegatedTasks = random.Next(5) == 0 ? [s_delegatedTasks[random.Next(s_delegatedTasks.Length)]] : [],
                Revision = 1,
            };
            if (child || random.Next(4) == 0)
            {
                client.Representatives.Add(new Representative
                {
                    Kind = child ? RepresentativeKind.Guardian : (RepresentativeKind)random.Next(4),
                    Name = DemoData.RandomName(random, random.Next(2) == 0),
                    Phone = Phone(random),
                });
            }

            clients.Add(client);
        }

        store.AddClients(clients);
        return [.. store.LoadClients()];
    }

    private static List<StandbyAssistant> AddStaff(IJourStore store, LargeDataOptions options, List<Client> clients, Random random, DateTime now)
    {
        var staff = new List<StandbyAssistant>(options.Staff);
        for (int i = 0; i < options.Staff; i++)
        {
            bool female = random.Next(5) < 3;
            var assistant = new StandbyAssistant
            {
                Name = DemoData.RandomName(random, female),
                Phone = Phone(random),
                Competences = [.. DemoData.s_competences.Where(k => random.Next(k == "Lyft" ? 2 : 5) == 0)],
                PersonalIdentityNumber = PersonNumber(options.Seed, i),
                EmploymentForm = (EmploymentForm)Pick(random, [80, 12, 8]),
                WeeklyHourLimit = random.Next(4) switch { 0 => 20, 1 => 30, _ => 40 },
                IsBlocked = random.Next(60) == 0,
                Revision = 1,
            };
            if (random.Next(8) == 0)
            {
                // Away for a while (leave, illness), or said they can take extra shifts this week.
                DateTime from = now.Date.AddDays(random.Next(-10, 10));
                bool available = random.Next(3) == 0;
                assistant.Availability.Add(new AvailabilityPeriod
                {
                    FromUtc = from,
                    ToUtc = from.AddDays(random.Next(1, 15)),
                    IsAvailable = available,
                    Note = available ? "Kan ta extra pass" : random.Next(2) == 0 ? "Semester" : "Sjukskriven",
                });
            }

            for (int d = random.Next(3); d > 0; d--)
            {
                DateTime from = now.AddDays(-random.Next(30, 500));
                assistant.Delegations.Add(new Delegation
                {
                    Task = s_delegatedTasks[random.Next(s_delegatedTasks.Length)],
                    IssuedBy = s_nurses[random.Next(s_nurses.Length)],
                    ValidFromUtc = from,

                    // Most run a year; some have lapsed, so the delegation rule has work to do.
                    ValidToUtc = from.AddDays(365),
                });
            }

            if (random.Next(3) == 0)
            {
                assistant.KnownClientIds.Add(clients[random.Next(clients.Count)].Id);
            }

            if (random.Next(25) == 0)
            {
                assistant.ExcludedClientIds.Add(clients[random.Next(clients.Count)].Id);
            }

            if (assistant.IsBlocked)
            {
                assistant.BlockLog.Add(new BlockEntry { Blocked = true, AtUtc = now.AddDays(-random.Next(1, 90)), Reason = "Utreds efter klagomål." });
            }

            staff.Add(assistant);
        }

        store.AddStaffMembers(staff);
        return [.. store.LoadStaff()];
    }

    private enum Outcome
    {
        ClosedCovered,
        ClosedPlacement,
        ClosedHandedBack,
        Declined,
        WithdrawnEarly,
        WithdrawnAssessing,
        Open,
    }

    private readonly record struct Planned(DateTime ReceivedUtc, Outcome Outcome, CaseState? Open);

    /// <summary>When each case came in and how it ends, oldest first, so case numbers follow time.</summary>
    private static List<Planned> Plan(LargeDataOptions options, Random random, DateTime now)
    {
        var plan = new List<Planned>(options.Cases);
        // An ended case's story (windows, hand-back, close) must fit before now: its longest run of windows, and some days.
        double minimumAge = 4 + Math.Ceiling(options.TimeReportsPerCase / 0.76 * 1.5 * 10 / 24);
        long span = (long)(TimeSpan.FromDays(365.25 * options.Years) - TimeSpan.FromDays(minimumAge)).TotalMinutes;
        span = Math.Max(span, 60);
        int open = Math.Min(options.OpenCases, options.Cases);
        for (int i = 0; i < options.Cases - open; i++)
        {
            int roll = random.Next(100);
            Outcome outcome = roll switch
            {
                < 58 => Outcome.ClosedCovered,
                < 68 => Outcome.ClosedPlacement,
                < 76 => Outcome.ClosedHandedBack,
                < 88 => Outcome.Declined,
                < 95 => Outcome.WithdrawnEarly,
                _ => Outcome.WithdrawnAssessing,
            };

            plan.Add(new Planned(now.AddDays(-minimumAge).AddMinutes(-random.NextInt64(span)), outcome, null));
        }

        for (int i = 0; i < open; i++)
        {
            CaseState state = s_openPlan[i % s_openPlan.Length];
            double hoursAgo = state switch
            {
                CaseState.Received => 0.1 + (random.NextDouble() * 3),
                CaseState.Assessing => 0.5 + (random.NextDouble() * 12),
                CaseState.HandedBack => 24 + (random.NextDouble() * 24 * 8),
                _ => 6 + (random.NextDouble() * 24 * 9),
            };
            plan.Add(new Planned(now.AddMinutes(-Math.Round(hoursAgo * 60)), Outcome.Open, state));
        }

        plan.Sort((a, b) => a.ReceivedUtc.CompareTo(b.ReceivedUtc));
        return plan;
    }

    private static string Phone(Random random) => $"07{random.Next(0, 4)}-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}";

    /// <summary>The generator's state across cases: the people, the clock, and counters for the summary.</summary>
    private sealed class World(Random random, DateTime now, LargeDataOptions options, List<User> officers, List<Client> clients, List<StandbyAssistant> staff)
    {
        private readonly DateTime[] _busyUntil = new DateTime[staff.Count];
        private readonly int[] _available = Available(staff);

        public double ReportsPerStaffedCase { get; set; }

        public long Events { get; private set; }

        public long Deployments { get; private set; }

        public long Reports { get; private set; }

        public long Unsigned { get; private set; }

        public long Upcoming { get; private set; }

        public CaseHistory Build(Planned p, int upcoming)
        {
            Client client = clients[random.Next(clients.Count)];
            long officer = officers[random.Next(officers.Count)].Id;
            var reason = (CaseReason)Pick(random, [70, 8, 5, 10, 7]);
            var c = new Case
            {
                ClientId = client.Id,
                ProviderId = client.ProviderId,
                Reason = reason,
                Urgency = (Urgency)Pick(random, [55, 30, 15]),
                CallerName = client.Representatives.Count > 0 && random.Next(2) == 0 ? client.Representatives[0].Name : DemoData.RandomName(random, random.Next(2) == 0),
                CallerPhone = Phone(random),
                Description = Messages.Get("Demo_CaseDescription_" + reason),
                ReceivedUtc = p.ReceivedUtc,
                UpdatedUtc = p.ReceivedUtc,
                UpdatedBy = officer,
            };
            var timeline = new List<CaseEvent>
            {
                new() { AtUtc = p.ReceivedUtc, UserId = officer, To = CaseState.Received, Code = TimelineText.DemoCaseOpened },
            };
            var deployments = new List<Deployment>();
            DateTime at = p.ReceivedUtc;
            switch (p.Outcome)
            {
                case Outcome.WithdrawnEarly:
                    Fire(c, timeline, CaseTrigger.Withdraw, ref at, 20, officer);
                    break;
                case Outcome.Declined:
                case Outcome.WithdrawnAssessing:
                    Fire(c, timeline, CaseTrigger.StartAssessment, ref at, 10, officer);
                    Fire(c, timeline, p.Outcome == Outcome.Declined ? CaseTrigger.Decline : CaseTrigger.Withdraw, ref at, 45, officer);
                    break;
                default:
                    if (p.Open is CaseState.Received)
                    {
                        break;
                    }

                    Fire(c, timeline, CaseTrigger.StartAssessment, ref at, 10, officer);
                    if (p.Open is CaseState.Assessing)
                    {
                        break;
                    }

                    Verify(c, timeline, ref at, officer);
                    Fire(c, timeline, CaseTrigger.Accept, ref at, 5, officer);
                    var staffing = new Staffing(c, client, timeline, deployments, officer,
                        client.Needs.Count > 0 && random.Next(2) == 0 ? [client.Needs[random.Next(client.Needs.Count)]] : []);
                    if (p.Open is null)
                    {
                        Ended(staffing, p.Outcome, ref at);
                    }
                    else
                    {
                        Open(staffing, p.Open.Value, upcoming, ref at);
                    }

                    break;
            }

            c.Revision = timeline.Count;
            Events += timeline.Count;
            Deployments += deployments.Count;
            return new CaseHistory(c, timeline, deployments);
        }

        /// <summary>A case being staffed: what every step below adds to.</summary>
        private sealed record Staffing(Case Case, Client Client, List<CaseEvent> Timeline, List<Deployment> Deployments, long Officer, List<string> Competences);

        // The whole story of an ended staffed case: windows worked and signed, then handed back and closed.
        private void Ended(Staffing s, Outcome outcome, ref DateTime at)
        {
            Case c = s.Case;
            int reports = Math.Max(1, (int)Math.Round(ReportsPerStaffedCase * (0.5 + random.NextDouble())));
            DateTime lastEnd = AddPastWindows(s, RoundUp(at.AddHours(1 + random.Next(3))), reports, DateTime.MaxValue, signedAll: true);
            switch (outcome)
            {
                case Outcome.ClosedPlacement:
                    at = Later(at, c.Needs[0].FromUtc.AddMinutes(-60));
                    Fire(c, s.Timeline, CaseTrigger.MoveToShortTermPlacement, ref at, 10, s.Officer);
                    break;
                case Outcome.ClosedCovered:
                    at = Later(at, c.Needs[0].FromUtc.AddMinutes(-random.Next(30, 240)));
                    if (random.Next(12) == 0)
                    {
                        // A confirmed assistant dropped out once and the gap was filled again.
                        Fire(c, s.Timeline, CaseTrigger.MarkCovered, ref at, 5, s.Officer);
                        Fire(c, s.Timeline, CaseTrigger.GapAppeared, ref at, 60, s.Officer);
                    }

                    Fire(c, s.Timeline, CaseTrigger.MarkCovered, ref at, 5, s.Officer);
                    break;
                default:
                    break;
            }

            at = Later(at, lastEnd.AddMinutes(random.Next(10, 120)));
            Fire(c, s.Timeline, CaseTrigger.HandBack, ref at, 0, s.Officer);
            at = at.AddHours(random.Next(4, 60));
            Fire(c, s.Timeline, CaseTrigger.Close, ref at, 0, s.Officer);
        }

        // An open staffed case: what has been worked so far, then, for Bemannas and Bemannat, the running window and the next 24 hours.
        private void Open(Staffing s, CaseState target, int upcoming, ref DateTime at)
        {
            Case c = s.Case;
            if (target is CaseState.ShortTermPlacement)
            {
                Fire(c, s.Timeline, CaseTrigger.MoveToShortTermPlacement, ref at, 90, s.Officer);
                return;
            }

            DateTime first = RoundUp(at.AddHours(1));
            int worked = (int)Math.Min(Math.Max(0, (now - first).TotalHours / 8), Math.Round(ReportsPerStaffedCase));
            DateTime cursor = AddPastWindows(s, first, target is CaseState.HandedBack ? Math.Max(1, worked) : worked, now.AddMinutes(-30), signedAll: false);
            if (target is CaseState.HandedBack)
            {
                MarkCovered(s, ref at);
                at = Later(at, Earlier(cursor.AddMinutes(random.Next(10, 120)), now.AddMinutes(-5)));
                Fire(c, s.Timeline, CaseTrigger.HandBack, ref at, 0, s.Officer);
                return;
            }

            bool covered = target is CaseState.Covered;
            DateTime next = cursor > now.AddHours(-4) ? cursor : RoundUp(now.AddMinutes(-random.Next(60, 300)));
            AddComingWindows(s, next, covered ? Math.Max(1, upcoming) : upcoming, covered);
            if (covered)
            {
                MarkCovered(s, ref at);
            }
        }

        // Bemannat once every window of the 24 hours from then is staffed, shortly before the first one starts.
        private void MarkCovered(Staffing s, ref DateTime at)
        {
            DateTime when = s.Case.Needs.Count > 0 ? s.Case.Needs[0].FromUtc.AddMinutes(-random.Next(30, 180)) : at.AddMinutes(30);
            at = Later(at, Earlier(when, now.AddMinutes(-10)));
            if (s.Case.NextUncoveredWindow(at) is null)
            {
                s.Timeline.Add(Step(s.Case, CaseTrigger.MarkCovered, at, s.Officer, ""));
            }
        }

        /// <summary>
        /// Back-to-back windows from <paramref name="start"/>, each worked and reported, until
        /// <paramref name="reports"/> reports are made or the next window would end after <paramref name="endBy"/>;
        /// returns the end of the last window.
        /// </summary>
        private DateTime AddPastWindows(Staffing s, DateTime start, int reports, DateTime endBy, bool signedAll)
        {
            DateTime from = start;
            while (reports > 0)
            {
                int assistants = Math.Min(reports, random.Next(3) == 0 ? 2 : 1);
                DateTime to = from.AddHours(random.Next(4, 11));
                if (to > endBy)
                {
                    break;
                }

                var window = new NeedWindow { FromUtc = from, ToUtc = to, Assistants = assistants, Competences = s.Competences };
                s.Case.Needs.Add(window);
                DateTime created = Later(s.Case.ReceivedUtc, from.AddMinutes(-random.Next(20, 300)));
                if (random.Next(6) == 0)
                {
                    s.Deployments.Add(Deploy(window, Choose(window, anyTime: true), random.Next(4) == 0 ? DeploymentState.Cancelled : DeploymentState.Declined, s.Officer, created));
                }

                for (int a = 0; a < assistants; a++)
                {
                    int who = Choose(window, anyTime: true);
                    Deployment d = Deploy(window, who, DeploymentState.Completed, s.Officer, created);
                    d.Report = Report(s.Client, d, who, signedAll || random.Next(10) < 7);
                    s.Deployments.Add(d);
                }

                window.Confirmed = assistants;
                reports -= assistants;
                from = to;
            }

            return from;
        }

        /// <summary>
        /// The running window (on site) and up to four windows over the next 24 hours, with
        /// <paramref name="count"/> deployments in all; for Bemannas, one of them lacks its assistant.
        /// </summary>
        private void AddComingWindows(Staffing s, DateTime start, int count, bool covered)
        {
            int windows = Math.Min(count, 4);
            int gapAt = covered || windows == 0 ? -1 : windows > 1 ? 1 + random.Next(windows - 1) : 0;
            DateTime from = start;
            int made = 0;
            for (int w = 0; w < windows; w++)
            {
                int assistants = (count / windows) + (w < count % windows ? 1 : 0);
                var window = new NeedWindow
                {
                    FromUtc = from,

                    // The running window (started before now) lasts past now, so every deployment here is in the next 24 hours.
                    ToUtc = Later(from.AddHours(random.Next(4, 7)), RoundUp(now)),
                    Assistants = assistants,
                    Competences = s.Competences,
                };
                s.Case.Needs.Add(window);
                DateTime created = Later(s.Case.UpdatedUtc, Earlier(from.AddMinutes(-random.Next(30, 600)), now.AddMinutes(-1)));
                for (int a = 0; a < assistants; a++, made++)
                {
                    DeploymentState state = w == gapAt && a == 0
                        ? (DeploymentState)Pick(random, [4, 3, 0, 2])
                        : from <= now ? DeploymentState.OnSite : DeploymentState.Confirmed;
                    Deployment d = Deploy(window, Choose(window, anyTime: false), state, s.Officer, created);
                    s.Deployments.Add(d);
                    Upcoming++;
                    if (d.Covers)
                    {
                        window.Confirmed++;
                    }
                }

                from = window.ToUtc;
            }

            if (!covered && s.Case.NextUncoveredWindow(now) is null)
            {
                // Bemannas means a gap: a window tonight with nobody yet.
                DateTime gap = Later(from, RoundUp(now.AddHours(2)));
                s.Case.Needs.Add(new NeedWindow { FromUtc = gap, ToUtc = gap.AddHours(8), Assistants = 1, Competences = s.Competences });
            }
        }

        private Deployment Deploy(NeedWindow w, int assistant, DeploymentState state, long officer, DateTime created)
        {
            _busyUntil[assistant] = Later(_busyUntil[assistant], w.ToUtc);
            return new Deployment
            {
                AssistantId = staff[assistant].Id,
                FromUtc = w.FromUtc,
                ToUtc = w.ToUtc,
                State = state,
                CreatedBy = officer,
                CreatedUtc = created,
            };
        }

        /// <summary>An unblocked assistant with the window's competences; in the near future also free then (the past is not checked).</summary>
        private int Choose(NeedWindow w, bool anyTime)
        {
            int start = random.Next(_available.Length);
            int tries = anyTime ? Math.Min(_available.Length, 8) : _available.Length;
            for (int k = 0; k < tries; k++)
            {
                int i = _available[(start + k) % _available.Length];
                if (w.Competences.All(staff[i].Competences.Contains) && (anyTime || (_busyUntil[i] <= w.FromUtc && !staff[i].Availability.Any(a => !a.IsAvailable && a.Overlaps(w.FromUtc, w.ToUtc)))))
                {
                    return i;
                }
            }

            return _available[start];
        }

        private TimeReport Report(Client client, Deployment d, int assistant, bool signed)
        {
            DateTime start = d.FromUtc.AddMinutes(random.Next(-10, 11));
            DateTime end = d.ToUtc.AddMinutes(random.Next(-15, 31));
            var report = new TimeReport
            {
                StartUtc = start,
                EndUtc = end,
                BreakMinutes = (d.ToUtc - d.FromUtc).TotalHours >= 6 ? random.Next(4) * 15 : 0,
                RecordedBy = d.CreatedBy,
            };
            if (signed || random.Next(2) == 0)
            {
                report.AssistantSignedName = staff[assistant].Name;
                report.AssistantPersonalNumber = staff[assistant].PersonalIdentityNumber;
                report.AssistantSignedUtc = Earlier(end.AddMinutes(random.Next(0, 60)), now);
            }

            Reports++;
            if (signed)
            {
                bool representative = client.Representatives.Count > 0 && random.Next(3) == 0;
                report.ClientSignedName = representative ? client.Representatives[0].Name : client.Name;
                report.ClientSignerPersonalNumber = representative ? PersonNumber(options.Seed + 7, (int)client.Id) : client.PersonalIdentityNumber;
                report.ClientSignedUtc = Earlier(end.AddMinutes(random.Next(0, 24 * 60)), now);
            }
            else
            {
                Unsigned++;
            }

            return report;
        }

        private void Verify(Case c, List<CaseEvent> timeline, ref DateTime at, long officer)
        {
            at = at.AddMinutes(random.Next(5, 40));
            timeline.Add(Stamp(c.RecordVerification(null, at, Messages.Get("Gen_Exhausted"), at, officer), at));
            at = at.AddMinutes(random.Next(2, 20));
            timeline.Add(Stamp(c.RecordVerification(PriorityStep.CrisisStaffingCentreContacted, at.AddMinutes(-random.Next(0, 30)), Messages.Get("Demo_Step1"), at, officer), at));
            at = at.AddMinutes(random.Next(2, 20));
            timeline.Add(Stamp(c.RecordVerification(PriorityStep.StandbyPool, at, Messages.Get("Demo_Step2"), at, officer), at));
        }

        private void Fire(Case c, List<CaseEvent> timeline, CaseTrigger trigger, ref DateTime at, int minutes, long officer)
        {
            at = at.AddMinutes(minutes + random.Next(0, Math.Max(1, minutes)));
            if (trigger == CaseTrigger.MoveToShortTermPlacement)
            {
                // Step 3 comes first (asked of the resurssakkunnig); drawing nothing from the sequence keeps the rest of the data as it was.
                timeline.Add(Stamp(c.RecordVerification(PriorityStep.ShortTermPlacement, at.AddMinutes(-5), Messages.Get("Demo_Step3"), at, officer), at));
            }

            string reason = Case.RequiresReason(trigger) ? Messages.Get("Demo_Reason_" + trigger) : "";
            timeline.Add(Step(c, trigger, at, officer, reason));
        }

        private static CaseEvent Stamp(CaseEvent e, DateTime at)
        {
            e.AtUtc = at;
            return e;
        }

        private static int[] Available(List<StandbyAssistant> staff)
        {
            int[] unblocked = [.. Enumerable.Range(0, staff.Count).Where(i => !staff[i].IsBlocked)];
            return unblocked.Length > 0 ? unblocked : [.. Enumerable.Range(0, staff.Count)];
        }
    }

    /// <summary>
    /// Fires <paramref name="trigger"/> as <see cref="Case.Fire"/> does, at a fraction of the cost: the
    /// destination comes from the real machine (asked once per state and trigger), the guards the
    /// generator is about to rely on are checked here. Building a Stateless machine per case cost a
    /// third of a millisecond, half the generator's time at 100,000 cases.
    /// </summary>
    private static CaseEvent Step(Case c, CaseTrigger trigger, DateTime at, long userId, string reason)
    {
        bool guarded = trigger switch
        {
            CaseTrigger.Accept => c.IsVerified,
            CaseTrigger.MarkCovered => c.NextUncoveredWindow(at) is null,
            CaseTrigger.MoveToShortTermPlacement => c.Verification.Any(v => v.Step == PriorityStep.ShortTermPlacement),
            CaseTrigger.Reopen => false,
            _ => !Case.RequiresReason(trigger) || reason.Length > 0,
        };
        if (!guarded)
        {
            throw new InvalidOperationException($"generator: {trigger} from {c.State} does not hold");
        }

        CaseState from = c.State;
        CaseState to = s_transitions.GetOrAdd((from, trigger), Destination);
        c.ReplayGeneratedTransition(to);
        c.UpdatedUtc = at;
        c.UpdatedBy = userId;
        if (to == CaseState.HandedBack)
        {
            c.HandedBackUtc = at;
            ClosingReason closing = TypicalClosing.At(at);
            c.ClosingReason = closing;
            return new CaseEvent { AtUtc = at, UserId = userId, From = from, To = to, Trigger = trigger, Code = TimelineText.HandedBack, Args = [closing.ToString(), ""] };
        }

        return new CaseEvent { AtUtc = at, UserId = userId, From = from, To = to, Trigger = trigger, Code = TimelineText.Transition, Args = [reason] };
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(CaseState, CaseTrigger), CaseState> s_transitions = new();

    // Where the real machine goes, on a case that meets every guard.
    private static CaseState Destination((CaseState From, CaseTrigger Trigger) key)
    {
        var probe = new Case
        {
            State = key.From,
            ProviderAlternativesExhausted = true,
            HandedBackUtc = DateTime.UnixEpoch,
            Verification =
            [
                new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted },
                new VerificationStep { Step = PriorityStep.StandbyPool },
                new VerificationStep { Step = PriorityStep.ShortTermPlacement },
            ],
            ShortTermBookingId = 0,
        };
        probe.Fire(key.Trigger, DateTime.UnixEpoch, 0, "probe");
        return probe.State;
    }

    /// <summary>A valid personnummer for a generated adult, the same for the same seed and index.</summary>
    private static string PersonNumber(int seed, int index)
    {
        var random = new Random(seed ^ (index * 7919));
        var birth = new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28));
        return PersonalIdentityNumber.Create(birth, 1 + (10 * (index % 99)) + random.Next(9)).Value;
    }

    private static int Pick(Random random, int[] weights)
    {
        int roll = random.Next(weights.Sum());
        for (int i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private static DateTime RoundUp(DateTime t) => new DateTime(t.Ticks - (t.Ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc).AddHours(1);

    private static DateTime Later(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Earlier(DateTime a, DateTime b) => a < b ? a : b;
}
