using System.Text.Json.Serialization;
using Jour.Core.UseCases;

namespace Jour.Core.Cases;

/// <summary>The board: open cases, the most urgent first.</summary>
public sealed record GetOpenCases : IRequest<IReadOnlyList<CaseSummary>>;

/// <summary>Cases in one state, ended states included (for `jour cases --state`).</summary>
public sealed record GetCasesInState(CaseState State) : IRequest<IReadOnlyList<CaseSummary>>;

public sealed record GetCase(long CaseId) : IRequest<CaseDetail>;

/// <summary>A case by the number every screen shows (`2026-0004`), for `jour case`.</summary>
public sealed record GetCaseByNumber(string Number) : IRequest<CaseDetail>;

/// <summary>The use cases of a case: intake, verification, its lifecycle, notes.</summary>
public static class CaseRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("open-cases", CaseJson.Default, Access.SignedIn, (GetOpenCases _, RequestContext c) => c.UseCases.GetOpenCases(), Handling.SideBySide),
        UseCase.Of("cases-in-state", CaseJson.Default, Access.SignedIn, (GetCasesInState r, RequestContext c) => c.UseCases.GetCasesInState(r.State)),
        UseCase.Of("case", CaseJson.Default, Access.SignedIn, (GetCase r, RequestContext c) => c.UseCases.GetCase(r.CaseId)),
        UseCase.Of("case-by-number", CaseJson.Default, Access.SignedIn, (GetCaseByNumber r, RequestContext c) => c.UseCases.GetCaseByNumber(r.Number)),
        UseCase.Of("fire", CaseJson.Default, Access.SignedIn, (TransitionRequest r, RequestContext c) => c.UseCases.Fire(c.Actor, r)),
        UseCase.Of("add-note", CaseJson.Default, Access.SignedIn, (NoteRequest r, RequestContext c) => c.UseCases.AddNote(c.Actor, r)),

        // Opens a case from the intake form; the form's draft is discarded.
        UseCase.Of("create-case", CaseJson.Default, Access.SignedIn, (NewCaseRequest r, RequestContext c) => c.UseCases.CreateCase(c.Actor, r)),
        UseCase.Of("record-verification", CaseJson.Default, Access.SignedIn, (VerificationRequest r, RequestContext c) => c.UseCases.RecordVerification(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetOpenCases))]
[JsonSerializable(typeof(GetCasesInState))]
[JsonSerializable(typeof(IReadOnlyList<CaseSummary>))]
[JsonSerializable(typeof(GetCase))]
[JsonSerializable(typeof(GetCaseByNumber))]
[JsonSerializable(typeof(CaseDetail))]
[JsonSerializable(typeof(TransitionRequest))]
[JsonSerializable(typeof(NoteRequest))]
[JsonSerializable(typeof(TimelineEntry))]
[JsonSerializable(typeof(NewCaseRequest))]
[JsonSerializable(typeof(VerificationRequest))]
internal sealed partial class CaseJson : JsonSerializerContext;
