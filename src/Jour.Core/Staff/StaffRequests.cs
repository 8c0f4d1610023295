using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Import;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Staff;

/// <summary>The standby pool as the candidates and the staff list show it.</summary>
public sealed record GetStaff : IRequest<IReadOnlyList<StaffSummary>>;

/// <summary>One assistant in full, for the edit form; reading the personnummer is logged.</summary>
public sealed record GetStaffMember(long AssistantId) : IRequest<StaffData>;

/// <summary>Creates or updates an assistant; refused when someone else saved it since it was read.</summary>
public sealed record SaveStaff(StaffData Assistant) : IRequest<StaffData>;

/// <summary>The standby pool over a period (a week): deployments and declared (un)availability per assistant.</summary>
public sealed record GetPoolWeek(DateTime FromUtc, DateTime ToUtc) : IRequest<PoolWeek>;

/// <summary>Booked and reported hours per assistant in [FromUtc, ToUtc).</summary>
public sealed record GetDeployedHours(DateTime FromUtc, DateTime ToUtc) : IRequest<IReadOnlyList<AssistantHours>>;

/// <summary>As <see cref="Clients.ImportClients"/>, for a staff file.</summary>
public sealed record ImportStaff(ImportRequest File) : IRequest<ImportResult>;

/// <summary>Records that the assistant showed a register extract on <paramref name="ShownOn"/> (yyyy-MM-dd); the signed-in user checked it.</summary>
public sealed record RecordRegisterCheck(long AssistantId, string ShownOn) : IRequest<StaffData>;

/// <summary>The pool's rules (how long a register check holds, how often a hygiene self-check recurs).</summary>
public sealed record GetPoolSettings : IRequest<PoolSettingsData>;

public sealed record SavePoolSettings(PoolSettingsData Settings) : IRequest<PoolSettingsData>;

public sealed record PoolSettingsData(int RegisterCheckValidityMonths, int HygieneCheckIntervalMonths = Hygiene.HygieneRoutines.DefaultIntervalMonths);

/// <summary>The use cases of the standby pool.</summary>
public static class StaffRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("staff", StaffJson.Default, Access.SignedIn, (GetStaff _, RequestContext c) => c.UseCases.GetStaff(), Handling.SideBySide),
        UseCase.Of("staff-member", StaffJson.Default, Access.SignedIn, (GetStaffMember r, RequestContext c) => c.UseCases.GetStaffMember(c.Actor, r.AssistantId)),

        // An officer may edit at night ("she is ill tomorrow"), as may a coordinator or an admin.
        UseCase.Of("save-staff", StaffJson.Default, Access.AnyOf(Role.OnCallOfficer | Role.Coordinator | Role.Admin, ErrorCodes.StaffNotPermitted), (SaveStaff r, RequestContext c) => c.UseCases.SaveStaff(c.Actor, r.Assistant)),
        UseCase.Of("set-blocked", StaffJson.Default, Access.SignedIn, (BlockRequest r, RequestContext c) => c.UseCases.SetBlocked(c.Actor, r)),
        UseCase.Of("pool-week", StaffJson.Default, Access.SignedIn, (GetPoolWeek r, RequestContext c) => c.UseCases.GetPoolWeek(r.FromUtc, r.ToUtc)),
        UseCase.Of("deployed-hours", StaffJson.Default, Access.SignedIn, (GetDeployedHours r, RequestContext c) => c.UseCases.GetDeployedHours(r.FromUtc, r.ToUtc)),
        // The employer checks the extract: a coordinator or an admin, not the officer at night.
        UseCase.Of("record-register-check", StaffJson.Default, Access.AnyOf(Role.Coordinator | Role.Admin, ErrorCodes.RegisterCheckNotPermitted), (RecordRegisterCheck r, RequestContext c) => c.UseCases.RecordRegisterCheck(c.Actor, r)),
        UseCase.Of("pool-settings", StaffJson.Default, Access.SignedIn, (GetPoolSettings _, RequestContext c) => c.UseCases.GetPoolSettings()),
        UseCase.Of("save-pool-settings", StaffJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.PoolSettingsNotPermitted), (SavePoolSettings r, RequestContext c) => c.UseCases.SavePoolSettings(c.Actor, r.Settings)),
        UseCase.Of("import-staff", StaffJson.Default, Access.AnyOf(Role.Admin | Role.Coordinator, ErrorCodes.ImportNotPermitted), (ImportStaff r, RequestContext c) => c.UseCases.ImportStaff(c.Actor, r.File), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetStaff))]
[JsonSerializable(typeof(IReadOnlyList<StaffSummary>))]
[JsonSerializable(typeof(GetStaffMember))]
[JsonSerializable(typeof(SaveStaff))]
[JsonSerializable(typeof(StaffData))]
[JsonSerializable(typeof(BlockRequest))]
[JsonSerializable(typeof(StaffSummary))]
[JsonSerializable(typeof(GetPoolWeek))]
[JsonSerializable(typeof(PoolWeek))]
[JsonSerializable(typeof(GetDeployedHours))]
[JsonSerializable(typeof(IReadOnlyList<AssistantHours>))]
[JsonSerializable(typeof(ImportStaff))]
[JsonSerializable(typeof(ImportResult))]
[JsonSerializable(typeof(RecordRegisterCheck))]
[JsonSerializable(typeof(GetPoolSettings))]
[JsonSerializable(typeof(SavePoolSettings))]
[JsonSerializable(typeof(PoolSettingsData))]
internal sealed partial class StaffJson : JsonSerializerContext;
