using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.CallOuts;

/// <summary>The use cases of calling out the standby pool by SMS.</summary>
public static class CallOutRequests
{
    private static readonly Access s_admin = Access.AnyOf(Role.Admin, ErrorCodes.SmsNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("callout", CallOutJson.Default, Access.SignedIn, (Func<StartCallOut, RequestContext, CancellationToken, Task<CallOutStatus>>)((r, c, ct) => c.UseCases.StartCallOutAsync(c.Actor, r, ct))),
        UseCase.Of("callout-status", CallOutJson.Default, Access.SignedIn, (CallOutStatusRequest r, RequestContext c) => c.UseCases.GetCallOutStatus(r.CaseId), Handling.SideBySide),
        UseCase.Of("callout-withdraw", CallOutJson.Default, Access.SignedIn, (Func<WithdrawCallOut, RequestContext, CancellationToken, Task<CallOutStatus>>)((r, c, ct) => c.UseCases.WithdrawCallOutAsync(c.Actor, r, ct))),
        UseCase.Of("sms-settings", CallOutJson.Default, Access.SignedIn, (GetSmsSettings _, RequestContext c) => c.UseCases.GetSmsSettings()),
        UseCase.Of("save-sms-settings", CallOutJson.Default, s_admin, (Func<SaveSmsSettings, RequestContext, CancellationToken, Task<SmsSettingsData>>)((r, c, ct) => c.UseCases.SaveSmsSettingsAsync(c.Actor, r, ct)), Handling.LongRunning),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(StartCallOut))]
[JsonSerializable(typeof(CallOutStatusRequest))]
[JsonSerializable(typeof(WithdrawCallOut))]
[JsonSerializable(typeof(CallOutStatus))]
[JsonSerializable(typeof(GetSmsSettings))]
[JsonSerializable(typeof(SaveSmsSettings))]
[JsonSerializable(typeof(SmsSettingsData))]
internal sealed partial class CallOutJson : JsonSerializerContext;
