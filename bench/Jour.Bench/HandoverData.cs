using Jour.Core.Cases;
using Jour.Core.Deployments;
using Jour.Core.Staff;
using Jour.Storage;

namespace Jour.Bench;

/// <summary>
/// Issue 6's load on top of the demo: 500 more assistants, 500 open cases with two windows each in the next
/// 24 hours, 2,000 deployments in the next 24 hours and 20,000 past ones. Deterministic for a start time.
/// </summary>
public static class HandoverData
{
    public const int Assistants = 500;
    public const int OpenCases = 500;
    public const int NextDayDeployments = 2_000;
    public const int PastDeployments = 20_000;

    private static readonly CaseState[] s_states = [CaseState.Received, CaseState.Assessing, CaseState.Staffing, CaseState.Covered, CaseState.ShortTermPlacement];

    private static readonly DeploymentState[] s_deploymentStates =
    [
        DeploymentState.Proposed, DeploymentState.Contacted, DeploymentState.Confirmed, DeploymentState.Confirmed, DeploymentState.Confirmed, DeploymentState.OnSite,
    ];

    public static void Fill(LiteJourStore store, DateTime now)
    {
        var random = new Random(6);
        string[] skills = ["Lyft", "Sondmatning", "Epilepsi", "Teckenspråk", "Andningsstöd", "Insulin"];
        store.Database.GetCollection<StandbyAssistant>("staff").InsertBulk(Enumerable.Range(0, Assistants).Select(i => new StandbyAssistant
        {
            Name = $"Assistent {i:000}",
            Phone = $"070-{i:000} 00 00",
            Competences = [.. skills.Where(_ => random.Next(3) == 0)],
            IsBlocked = i % 97 == 0,
        }));
        long[] staff = [.. store.LoadStaff().Select(s => s.Id)];
        long[] clients = [.. store.LoadClients().Select(c => c.Id)];
        store.Database.GetCollection<Case>("cases").InsertBulk(Enumerable.Range(0, OpenCases).Select(i => new Case
        {
            Number = $"B-{i:0000}",
            ClientId = clients[i % clients.Length],
            State = s_states[i % s_states.Length],
            Urgency = (Urgency)(i % 3),
            ReceivedUtc = now.AddHours(-(i % 72)),
            CallerName = $"Inringare {i}",
            CallerPhone = "070-111 11 11",
            Needs =
            [
                new NeedWindow { FromUtc = now.AddHours(1 + (i % 20)), ToUtc = now.AddHours(9 + (i % 20)), Assistants = 4, Competences = ["Lyft"], Confirmed = i % 5 },
                new NeedWindow { FromUtc = now.AddHours(12 + (i % 10)), ToUtc = now.AddHours(20 + (i % 10)), Assistants = 1 },
            ],
        }));
        long[] cases = [.. store.LoadOpenCases().Where(c => c.Number.StartsWith("B-", StringComparison.Ordinal)).Select(c => c.Id)];
        var deployments = store.Database.GetCollection<Deployment>("deployments");
        deployments.InsertBulk(Enumerable.Range(0, NextDayDeployments).Select(i =>
        {
            DateTime from = now.AddMinutes(random.Next(0, 20 * 60));
            return new Deployment
            {
                CaseId = cases[i % cases.Length],
                AssistantId = staff[random.Next(staff.Length)],
                FromUtc = from,
                ToUtc = from.AddHours(8),
                State = s_deploymentStates[i % s_deploymentStates.Length],
            };
        }));
        deployments.InsertBulk(Enumerable.Range(0, PastDeployments).Select(i =>
        {
            DateTime from = now.AddHours(-random.Next(24 * 4, 24 * 730));
            return new Deployment { CaseId = cases[i % cases.Length], AssistantId = staff[random.Next(staff.Length)], FromUtc = from, ToUtc = from.AddHours(8), State = DeploymentState.Completed };
        }));
        store.Checkpoint();
    }
}
