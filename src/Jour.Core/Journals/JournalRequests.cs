using System.Text.Json.Serialization;
using Jour.Core.UseCases;

namespace Jour.Core.Journals;

/// <summary>The use cases of a client's journal: reading one series (logged) and appending to it.</summary>
public static class JournalRequests
{
    public static UseCase[] UseCases { get; } =
    [
        // Without a case (and not MAS/MAR) reading needs a reason; see JourUseCases.Records.
        UseCase.Of("journal", JournalJson.Default, Access.SignedIn, (JournalRequest r, RequestContext c) => c.UseCases.GetJournal(c.Actor, r)),

        // An entry or a correction is appended; nothing is ever changed or deleted.
        UseCase.Of("add-journal-entry", JournalJson.Default, Access.SignedIn, (JournalEntryRequest r, RequestContext c) => c.UseCases.AddJournalEntry(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JournalRequest))]
[JsonSerializable(typeof(JournalView))]
[JsonSerializable(typeof(JournalEntryRequest))]
[JsonSerializable(typeof(JournalEntryData))]
internal sealed partial class JournalJson : JsonSerializerContext;
