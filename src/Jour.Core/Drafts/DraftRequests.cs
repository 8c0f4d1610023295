using System.Text.Json.Serialization;
using Jour.Core.UseCases;

namespace Jour.Core.Drafts;

/// <summary>The signed-in user's draft of a form, or null.</summary>
public sealed record GetDraft(string Form) : IRequest<DraftData?>;

public sealed record SaveDraft(DraftData Draft) : IRequest<bool>;

public sealed record DiscardDraft(string Form) : IRequest<bool>;

/// <summary>The use cases of a form's draft, kept per user so nothing typed is lost.</summary>
public static class DraftRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("get-draft", DraftJson.Default, Access.SignedIn, (GetDraft r, RequestContext c) => c.UseCases.GetDraft(c.Actor, r.Form)),
        UseCase.Of("save-draft", DraftJson.Default, Access.SignedIn, (SaveDraft r, RequestContext c) =>
        {
            c.UseCases.SaveDraft(c.Actor, r.Draft);
            return true;
        }),
        UseCase.Of("discard-draft", DraftJson.Default, Access.SignedIn, (DiscardDraft r, RequestContext c) =>
        {
            c.UseCases.DiscardDraft(c.Actor, r.Form);
            return true;
        }),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetDraft))]
[JsonSerializable(typeof(DraftData))]
[JsonSerializable(typeof(SaveDraft))]
[JsonSerializable(typeof(DiscardDraft))]
[JsonSerializable(typeof(bool))]
internal sealed partial class DraftJson : JsonSerializerContext;
