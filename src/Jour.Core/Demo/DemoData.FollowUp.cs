using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Contracts;
using Jour.Core.Deployments;
using Jour.Core.FollowUp;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.UseCases;
using Jour.Core.Users;
using NodaTime;

namespace Jour.Core.Demo;

// Follow-up demo data: invoicing settings and a contract, and ended cases of the last four months with worked, signed
// time reports (a few left unsigned), so the invoicing basis and the reports screen have real numbers.
public static partial class DemoData
{
    /// <summary>Local shift starts and lengths: day, evening and the night across midnight.</summary>
    private static readonly (int StartHour, int Hours)[] s_shifts = [(7, 8), (15, 7), (22, 9)];

    private static void SeedFollowUp(IJourStore store, List<Client> clients, List<User> officers, DateTime now, Random random)
    {
        LocalDate today = SwedishTime.ToLocal(now).Date;
        LocalDate contractEnd = today.PlusMonths(2).With(DateAdjusters.EndOfMonth);
        store.SaveSettings(new FollowUpSettings
        {
            SupplierName = "Leanlink LSS Funktionsstöd",
            OrganisationNumber = "212000-0449",
            VatNumber = "SE212000044901",
            FTax = Messages.Get("Demo_FTax"),
            CustomerName = Messages.Get("Demo_Customer"),
            CustomerReference = "SON-2026-117",
            InvoiceAddress = Messages.Get("Demo_InvoiceAddress"),
            UpdatedUtc = now,
        });

        // Seed 000's terms: 1 787 000 kr a year at 65 % utilisation, extended two months at a time on two weeks' notice.
        string end = contractEnd.ToString("yyyy-MM-dd", SwedishCulture.Instance);
        store.AddContract(new Contract
        {
            From = $"{today.Year - 1:0000}-01-01",
            To = end,
            AnnualKr = FollowUpSettings.DefaultAnnualCompensation,
            PriceLevel = today.Year - 1,
            UtilisationPercent = FollowUpSettings.DefaultUtilisationTargetPercent,
            CapacityHoursPerYear = FollowUpSettings.DefaultCapacityHoursPerYear,
            MonthsPerExtension = 2,
            NoticeWeeks = 2,
            History = [new ContractChange { AtUtc = now, Kind = ContractChangeKind.Added, NewTo = end }],
        });

        var staff = store.LoadStaff().Where(s => !s.IsBlocked).ToList();
        var numbers = staff.ToDictionary(s => s.Id, s => PersonalIdentityNumber.Create(
            new DateOnly(random.Next(1960, 2003), random.Next(1, 13), random.Next(1, 29)),
            (random.Next(1, 50) * 10) + random.Next(0, 10)).Value);
        CaseReason[] reasons = [CaseReason.SicknessOrStaffShortage, CaseReason.SicknessOrStaffShortage, CaseReason.Bankruptcy, CaseReason.ProviderChange, CaseReason.PermitRevoked];
        for (int i = 0; i < 24; i++)
        {
            Client client = clients[(i * 7 + 3) % clients.Count];
            long officer = officers[i % officers.Count].Id;
            LocalDate day = today.PlusDays(-(2 + (i * 5) + random.Next(0, 3)));
            int days = 1 + random.Next(0, 3);
            DateTime received = SwedishTime.ToUtcLenient(day.At(new LocalTime(5 + random.Next(0, 12), random.Next(0, 60))));
            var c = store.AddCase(
                new Case
                {
                    ClientId = client.Id,
                    ProviderId = client.ProviderId,
                    Reason = reasons[i % reasons.Length],
                    Urgency = Urgency.High,
                    CallerName = RandomName(random, random.Next(2) == 0),
                    CallerPhone = $"070-{random.Next(100, 999)} {random.Next(10, 99)} {random.Next(10, 99)}",
                    Description = Messages.Get("Demo_CaseDescription_" + reasons[i % reasons.Length]),
                    ReceivedUtc = received,
                    UpdatedUtc = received,
                    UpdatedBy = officer,
                    Revision = 1,
                },
                new CaseEvent { AtUtc = received, UserId = officer, To = CaseState.Received, Code = TimelineText.DemoCaseOpened });

            // The first shift starts one to three hours after the call; then one shift a day.
            DateTime start = received.AddMinutes(60 + random.Next(0, 120));
            DateTime lastEnd = start;
            for (int d = 0; d < days; d++)
            {
                var (startHour, hours) = s_shifts[random.Next(s_shifts.Length)];
                DateTime from = d == 0 ? start : SwedishTime.ToUtcLenient(day.PlusDays(d).At(new LocalTime(startHour, 0)));
                DateTime to = SwedishTime.ToUtcLenient(SwedishTime.ToLocal(from).PlusHours(hours));
                if (to > now)
                {
                    break;
                }

                StandbyAssistant assistant = staff[(i + d) % staff.Count];
                bool unsigned = d == days - 1 && i % 10 == 0;
                store.AddDeployment(new Deployment
                {
                    CaseId = c.Id,
                    AssistantId = assistant.Id,
                    FromUtc = from,
                    ToUtc = to,
                    State = DeploymentState.Completed,
                    CreatedBy = officer,
                    CreatedUtc = received,
                    Report = new TimeReport
                    {
                        StartUtc = from,
                        EndUtc = to,
                        BreakMinutes = hours >= 8 ? 30 : 0,
                        AssistantSignedName = unsigned ? "" : assistant.Name,
                        AssistantPersonalNumber = unsigned ? "" : numbers[assistant.Id],
                        AssistantSignedUtc = unsigned ? null : to,
                        ClientSignedName = unsigned ? "" : client.Name,
                        ClientSignerPersonalNumber = unsigned ? "" : client.PersonalIdentityNumber,
                        ClientSignedUtc = unsigned ? null : to,
                        RecordedBy = officer,
                    },
                });
                lastEnd = to;
            }

            DateTime closeAt = lastEnd.AddDays(2);
            DriveAt(store, c, officer, received, lastEnd, i % 10 != 0 && closeAt < now ? closeAt : null);
        }
    }

    // Accepts the case at once, hands it back when the last shift ends and closes it (once signed) later.
    private static void DriveAt(IJourStore store, Case c, long officer, DateTime received, DateTime handBack, DateTime? close)
    {
        c.ProviderAlternativesExhausted = true;
        c.Verification =
        [
            new VerificationStep { Step = PriorityStep.CrisisStaffingCentreContacted, AtUtc = received.AddMinutes(5), Outcome = Messages.Get("Demo_Step1") },
            new VerificationStep { Step = PriorityStep.StandbyPool, AtUtc = received.AddMinutes(10), Outcome = Messages.Get("Demo_Step2") },
        ];
        var steps = new List<(CaseTrigger Trigger, DateTime At)>
        {
            (CaseTrigger.StartAssessment, received.AddMinutes(2)),
            (CaseTrigger.Accept, received.AddMinutes(15)),
            (CaseTrigger.HandBack, handBack),
        };
        if (close is { } closeAt)
        {
            steps.Add((CaseTrigger.Close, closeAt));
        }

        foreach (var (trigger, at) in steps)
        {
            CaseEvent entry = c.Fire(trigger, at, officer, "", Generation.TypicalClosing.At(at));
            int seen = c.Revision;
            c.Revision++;
            store.TrySaveCase(c, seen, entry);
        }
    }
}
