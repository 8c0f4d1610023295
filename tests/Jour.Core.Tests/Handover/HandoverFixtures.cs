using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Handover;
using Jour.Core.Providers;
using Jour.Core.Staff;
using NodaTime;

namespace Jour.Core.Tests.Handover;

/// <summary>Hand-built data for the golden files: nothing random, every instant written out in Stockholm time.</summary>
internal static class HandoverFixtures
{
    public const string SecretNumber = "194608239986";
    public const string SecretAccess = "Portkod 4711, nyckel i kodlåda";
    public const string SecretDescription = "Journal: brukaren föll i går kväll";

    public static DateTime Local(int year, int month, int day, int hour, int minute = 0, int? offsetHours = null)
    {
        var local = new LocalDateTime(year, month, day, hour, minute);
        if (offsetHours is { } h)
        {
            return new OffsetDateTime(local, Offset.FromHours(h)).ToInstant().ToDateTimeUtc();
        }

        return SwedishTime.ToUtcLenient(local);
    }

    /// <summary>Day and night shifts 07–19 / 19–07 (Stockholm wall clock) for the officers in turn, around an instant.</summary>
    public static List<OfficerShift> Shifts(DateTime atUtc, params (string Name, string Phone)[] officers)
    {
        LocalDate day = SwedishTime.ToLocal(atUtc).Date.PlusDays(-2);
        var shifts = new List<OfficerShift>();
        int n = 0;
        for (int i = 0; i < 12; i++)
        {
            LocalDate d = day.PlusDays(i / 2);
            DateTime from = SwedishTime.ToUtcLenient(d.At(new LocalTime(i % 2 == 0 ? 7 : 19, 0)));
            DateTime to = SwedishTime.ToUtcLenient(i % 2 == 0 ? d.At(new LocalTime(19, 0)) : d.PlusDays(1).At(new LocalTime(7, 0)));
            var (name, phone) = officers[n++ % officers.Length];
            shifts.Add(new OfficerShift(from, to, name, phone, n));
        }

        return shifts;
    }

    public static HandoverSource Empty(DateTime atUtc) =>
        new(false, Shifts(atUtc, ("Anna Lindqvist", "070-110 22 33"), ("Erik Johansson", "070-111 22 33")), [], [], [], [], []);

    /// <summary>A busy night: cases in every open state, gaps, deployments in several states, a blocked assistant, an old unsigned report.</summary>
    public static HandoverSource Busy(DateTime atUtc, bool demo = true, string clientName = "Märta Öberg", string assistantName = "Kalle Ström")
    {
        var providers = new List<Provider>
        {
            new() { Id = 1, Name = "Assistanskompaniet Norrland AB", Phone = "010-100 20 30" },
            new() { Id = 2, Name = "Omsorgsbolaget Väst AB", Phone = "010-101 20 30" },
        };
        var clients = new List<Client>
        {
            new() { Id = 1, Name = clientName, PersonalIdentityNumber = SecretNumber, AccessNote = SecretAccess, Address = "Storgatan 1, Umeå", ProviderId = 1 },
            new() { Id = 2, Name = "Nils Holm", PersonalIdentityNumber = "195704289999", AccessNote = SecretAccess, Address = "Holmvägen 12, Umeå", ProviderId = 2 },
            new() { Id = 3, Name = "Åsa Söderström", PersonalIdentityNumber = "198001011234", Address = "Åbergsgränd 3 B, Umeå", IsSelfEmployer = true },
            new() { Id = 4, Name = "Örjan Nyström", PersonalIdentityNumber = "199002021234", Address = "Ekvägen 9, Umeå", ProviderId = 1 },
            new() { Id = 5, Name = "Ebba Lundgren", PersonalIdentityNumber = "200503031234", Address = "Lundavägen 4, Umeå", ProviderId = 2 },
        };
        var staff = new List<StandbyAssistant>
        {
            new() { Id = 1, Name = assistantName, Phone = "073-100 10 10", Competences = ["Lyft", "Epilepsi"] },
            new() { Id = 2, Name = "Lena Ek", Phone = "073-200 20 20", Competences = ["Lyft"] },
            new() { Id = 3, Name = "Björn Åberg", Phone = "073-300 30 30", IsBlocked = true },
            new() { Id = 4, Name = "Sara Forsberg", Phone = "073-400 40 40", Competences = ["Sondmatning", "Arabiska"] },
            new() { Id = 5, Name = "Ali Mohammed", Phone = "073-500 50 50" },
        };
        DateTime tonight = Local(2026, 11, 23, 22);
        DateTime Ago(double hours) => atUtc.AddHours(-hours);
        var cases = new List<Case>
        {
            new() { Id = 1, Number = "2026-0101", ClientId = 1, ProviderId = 1, State = CaseState.Received, Urgency = Urgency.Acute, ReceivedUtc = Ago(0.3), Description = SecretDescription },
            new() { Id = 2, Number = "2026-0102", ClientId = 2, ProviderId = 2, State = CaseState.Assessing, Urgency = Urgency.High, ReceivedUtc = Ago(1.5), ProviderAlternativesExhausted = true, Description = SecretDescription },
            new() { Id = 3, Number = "2026-0103", ClientId = 3, State = CaseState.Staffing, Urgency = Urgency.Acute, ReceivedUtc = Ago(3),
                Needs =
                [
                    new NeedWindow { FromUtc = tonight, ToUtc = tonight.AddHours(9), Assistants = 2, Confirmed = 1, Competences = ["Lyft"] },
                    new NeedWindow { FromUtc = tonight.AddHours(9), ToUtc = tonight.AddHours(17), Assistants = 1, Confirmed = 0 },
                ] },
            new() { Id = 4, Number = "2026-0104", ClientId = 4, ProviderId = 1, State = CaseState.Covered, Urgency = Urgency.Normal, ReceivedUtc = Ago(30),
                Needs = [new NeedWindow { FromUtc = tonight, ToUtc = tonight.AddHours(9), Assistants = 1, Confirmed = 1 }] },
            new() { Id = 5, Number = "2026-0105", ClientId = 5, ProviderId = 2, State = CaseState.ShortTermPlacement, Urgency = Urgency.High, ReceivedUtc = Ago(52) },
            new() { Id = 6, Number = "2026-0106", ClientId = 2, ProviderId = 2, State = CaseState.HandedBack, Urgency = Urgency.Normal, ReceivedUtc = Ago(80), HandedBackUtc = Ago(4) },
            new() { Id = 7, Number = "2026-0107", ClientId = 4, ProviderId = 1, State = CaseState.HandedBack, Urgency = Urgency.Normal, ReceivedUtc = Ago(200), HandedBackUtc = Ago(100) },
        };
        var deployments = new List<Deployment>
        {
            new() { Id = 1, CaseId = 3, AssistantId = 1, FromUtc = tonight, ToUtc = tonight.AddHours(9), State = DeploymentState.Confirmed },
            new() { Id = 2, CaseId = 3, AssistantId = 2, FromUtc = tonight, ToUtc = tonight.AddHours(9), State = DeploymentState.Contacted },
            new() { Id = 3, CaseId = 4, AssistantId = 4, FromUtc = tonight, ToUtc = tonight.AddHours(9), State = DeploymentState.Confirmed, NeedsReplacement = true },
            new() { Id = 4, CaseId = 3, AssistantId = 5, FromUtc = tonight, ToUtc = tonight.AddHours(9), State = DeploymentState.Declined },
            new() { Id = 5, CaseId = 7, AssistantId = 2, FromUtc = Ago(110), ToUtc = Ago(101), State = DeploymentState.Completed, Report = new TimeReport { StartUtc = Ago(110), EndUtc = Ago(101), AssistantSignedUtc = Ago(100) } },
            new() { Id = 6, CaseId = 4, AssistantId = 1, FromUtc = Ago(30), ToUtc = Ago(20), State = DeploymentState.Completed },
        };
        return new HandoverSource(
            demo,
            Shifts(atUtc, ("Anna Lindqvist", "070-110 22 33"), ("Erik Johansson", "070-111 22 33"), ("Maria Nilsson", "070-112 22 33")),
            cases,
            deployments,
            clients,
            providers,
            staff,
            LastHandoverUtc: Ago(12),
            Notes: "Ring Nils Holms god man före 09:00 om morgondagens pass. Åsa Söderström har ny portkod – se ärendet, inte här.\nKalle Ström kan ta extra pass i helgen.");
    }

    /// <summary>The fall-back night 2026-10-25: a deployment 22:00–07:00 that lasts 10 hours, and one in the doubled hour.</summary>
    public static HandoverSource FallBack(DateTime atUtc)
    {
        HandoverSource busy = Busy(atUtc, demo: false);
        DateTime night = Local(2026, 10, 24, 22);
        DateTime morning = Local(2026, 10, 25, 7);
        var cases = busy.OpenCases.Take(5).ToList();
        cases[2].Needs =
        [
            new NeedWindow { FromUtc = night, ToUtc = morning, Assistants = 2, Confirmed = 1, Competences = ["Lyft"] },
            new NeedWindow { FromUtc = Local(2026, 10, 25, 2, 30, offsetHours: 2), ToUtc = Local(2026, 10, 25, 2, 30, offsetHours: 1), Assistants = 1, Confirmed = 0 },
        ];
        cases[3].Needs = [new NeedWindow { FromUtc = night, ToUtc = morning, Assistants = 1, Confirmed = 1 }];
        var deployments = new List<Deployment>
        {
            new() { Id = 1, CaseId = 3, AssistantId = 1, FromUtc = night, ToUtc = morning, State = DeploymentState.Confirmed },
            new() { Id = 2, CaseId = 4, AssistantId = 4, FromUtc = night, ToUtc = morning, State = DeploymentState.Confirmed },
            new() { Id = 3, CaseId = 3, AssistantId = 2, FromUtc = Local(2026, 10, 25, 2, 30, offsetHours: 2), ToUtc = Local(2026, 10, 25, 2, 30, offsetHours: 1), State = DeploymentState.Proposed },
        };
        return busy with { OpenCases = cases, Deployments = deployments, LastHandoverUtc = null, Notes = "" };
    }

    /// <summary>The spring-forward night 2027-03-28: 22:00–07:00 lasts 8 hours.</summary>
    public static HandoverSource SpringForward(DateTime atUtc)
    {
        HandoverSource busy = Busy(atUtc, demo: false);
        DateTime night = Local(2027, 3, 27, 22);
        DateTime morning = Local(2027, 3, 28, 7);
        var cases = busy.OpenCases.Take(4).ToList();
        foreach (Case c in cases)
        {
            c.ReceivedUtc = atUtc.AddHours(-c.Id);
            c.Number = c.Number.Replace("2026", "2027", StringComparison.Ordinal);
        }

        cases[2].Needs = [new NeedWindow { FromUtc = night, ToUtc = morning, Assistants = 1, Confirmed = 0, Competences = ["Lyft"] }];
        cases[3].Needs = [new NeedWindow { FromUtc = night, ToUtc = morning, Assistants = 1, Confirmed = 1 }];
        var deployments = new List<Deployment>
        {
            new() { Id = 1, CaseId = 4, AssistantId = 4, FromUtc = night, ToUtc = morning, State = DeploymentState.Confirmed },
        };
        return busy with { OpenCases = cases, Deployments = deployments, LastHandoverUtc = null, Notes = "Natten till söndag ställs klockan fram: passet 22–07 är 8 timmar." };
    }

    /// <summary>Names and a provider far longer than a line, a word longer than a line, and notes of many lines.</summary>
    public static HandoverSource LongNames(DateTime atUtc)
    {
        HandoverSource busy = Busy(
            atUtc,
            clientName: "Karl-Johan Maximilian Alexander von Wachenfeldt-Gyllenstierna af Ekebyholm",
            assistantName: "Anna-Karin Margareta Elisabet Söderström-Björklund Lindqvist");
        busy.Providers[0].Name = "Stiftelsen Personlig Assistans och Omsorg i Västerbottens och Norrbottens län med omnejd AB";
        return busy with
        {
            Notes = "Obs! " + new string('X', 95) + " – ett ord längre än en rad ska brytas hårt.\n" +
                    string.Join(' ', Enumerable.Repeat("Mycket lång anteckning som fortsätter över flera rader.", 6)),
        };
    }
}
