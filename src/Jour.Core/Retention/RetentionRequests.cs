using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Retention;

/// <summary>The retention settings (operator kind, research sample, access-log years).</summary>
public sealed record GetRetentionSettings : IRequest<RetentionSettingsData>;

/// <summary>Changes what is given (null: as it is). Admins only.</summary>
public sealed record SaveRetentionSettings(OperatorKind? OperatorKind, bool? KeepResearchSample, int? AccessLogYears) : IRequest<RetentionSettingsData>;

/// <summary>What each rule finds due today; nothing is changed (`jour retention --dry-run`).</summary>
public sealed record PlanRetention : IRequest<RetentionReport>;

/// <summary>Thins what is due today, one transaction per batch, each recorded; cannot be undone (`jour retention`).</summary>
public sealed record ThinDueRecords : IRequest<RetentionReport>;

/// <summary>The use cases of retention.</summary>
public static class RetentionRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("retention-settings", RetentionJson.Default, Access.SignedIn, (GetRetentionSettings _, RequestContext c) => c.UseCases.GetRetentionSettings()),
        UseCase.Of("save-retention-settings", RetentionJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.RetentionSettingsNotPermitted), (SaveRetentionSettings r, RequestContext c) => c.UseCases.SaveRetentionSettings(c.Actor, r)),

        // MAS sees what is due (the records of care are theirs to watch); only an admin, who answers for the
        // archive, carries out a thinning.
        UseCase.Of("retention-plan", RetentionJson.Default, Access.AnyOf(Role.Admin | Role.MedicalResponsible, ErrorCodes.RetentionNotPermitted), (PlanRetention _, RequestContext c) => c.UseCases.PlanRetention(), Handling.LongRunning),
        UseCase.Of("thin-due-records", RetentionJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.ThinningNotPermitted), (ThinDueRecords _, RequestContext c) => c.UseCases.ThinDueRecords(c.Actor), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetRetentionSettings))]
[JsonSerializable(typeof(SaveRetentionSettings))]
[JsonSerializable(typeof(RetentionSettingsData))]
[JsonSerializable(typeof(PlanRetention))]
[JsonSerializable(typeof(ThinDueRecords))]
[JsonSerializable(typeof(RetentionReport))]
internal sealed partial class RetentionJson : JsonSerializerContext;
