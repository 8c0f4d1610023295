namespace Jour.Core.Retention;

/// <summary>What is due under each rule today, with the clients whose files are due (kept on the server, never sent).</summary>
public sealed record RetentionPlan(DateOnly Today, IReadOnlyList<RuleOutcome> Outcomes, IReadOnlyDictionary<string, IReadOnlyList<long>> DueClients);
