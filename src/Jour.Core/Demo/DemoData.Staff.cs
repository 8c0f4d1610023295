using Jour.Core.Clients;
using Jour.Core.Common;
using Jour.Core.Staff;
using Jour.Core.Users;
using Jour.Core.UseCases;
using NodaTime;

namespace Jour.Core.Demo;

public static partial class DemoData
{
    private static readonly (string Task, string Nurse)[] s_delegations =
    [
        ("Insulin", "Ssk Eva Ek"), ("Sondmatning", "Ssk Per Sund"), ("Stomivård", "Ssk Eva Ek"), ("Läkemedel", "Ssk Lisa Borg"),
    ];

    /// <summary>
    /// Delegations (one expiring within the week, so its end shows), declared absences and availability in
    /// the coming days, clients some assistants already know, and one client an assistant must not meet.
    /// </summary>
    private static void SeedStaffDetails(IJourStore store, List<StandbyAssistant> staff, List<Client> clients, LocalDate today, Random random)
    {
        DateTime Day(int offset, int hour = 0) => SwedishTime.ToUtcLenient(today.PlusDays(offset).At(new LocalTime(hour, 0)));
        long checker = store.LoadUsers().FirstOrDefault(u => u.Roles.HasFlag(Role.Coordinator))?.Id ?? 0;
        for (int i = 0; i < staff.Count; i++)
        {
            StandbyAssistant a = staff[i];

            // Most have shown a register extract within the year; every fourth none, the last few an expired one.
            if (i % 4 != 3)
            {
                a.RegisterChecks.Add(new RegisterCheck { ShownOn = IsoDate.Format(today.PlusDays(-(30 + (17 * i))).ToDateOnly()), CheckedBy = checker, RecordedUtc = Day(-(30 + (17 * i)), 10) });
            }

            if (i % 3 == 1)
            {
                var (task, nurse) = s_delegations[i % s_delegations.Length];
                a.Delegations.Add(new Delegation { Task = task, IssuedBy = nurse, ValidFromUtc = Day(-120), ValidToUtc = Day(i == 4 ? 3 : 240) });
            }

            if (i % 4 == 2)
            {
                a.KnownClientIds.Add(clients[i % clients.Count].Id);
                a.KnownClientIds.Add(clients[(i + 7) % clients.Count].Id);
            }

            if (i == 9)
            {
                a.ExcludedClientIds.Add(clients[3].Id);
            }

            if (i % 6 == 3)
            {
                int start = 1 + random.Next(4);
                a.Availability.Add(new AvailabilityPeriod { FromUtc = Day(start), ToUtc = Day(start + 2), IsAvailable = false, Note = i % 12 == 3 ? "semester" : "kurs" });
            }
            else if (i % 6 == 5)
            {
                a.Availability.Add(new AvailabilityPeriod { FromUtc = Day(0, 18), ToUtc = Day(2, 8), IsAvailable = true, Note = "helgberedskap" });
            }

            store.UpdateStaff(a);
        }
    }
}
