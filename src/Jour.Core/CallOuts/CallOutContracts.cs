using Jour.Core.UseCases;

namespace Jour.Core.CallOuts;

#pragma warning disable SA1649

/// <summary>
/// Offers a window of a case by SMS to the top <see cref="Count"/> eligible candidates (or to
/// <see cref="AssistantIds"/> when given); the texts leave before the answer, or are queued when the gateway fails.
/// </summary>
public sealed record StartCallOut(long CaseId, int? WindowIndex, int Count, IReadOnlyList<long>? AssistantIds = null) : IRequest<CallOutStatus>;

/// <summary>Who was asked for a case and what they answered.</summary>
public sealed record CallOutStatusRequest(long CaseId) : IRequest<CallOutStatus>;

/// <summary>Ends a case's open call-outs: a later yes gets a polite no.</summary>
public sealed record WithdrawCallOut(long CaseId) : IRequest<CallOutStatus>;

/// <summary>
/// The call-outs of a case, newest last. <see cref="Fault"/> is the message key of the gateway's fault when the
/// texts could not leave now (they are queued and retried), null when they left.
/// </summary>
public sealed record CallOutStatus(long CaseId, IReadOnlyList<CallOutLine> Lines, string? Fault, int Queued);

/// <summary>
/// One assistant asked. <see cref="Answer"/> is "yes", "no" or null; <see cref="DeploymentState"/> the state of the
/// deployment a yes became (e.g. "proposed"), or null; <see cref="Refusal"/> why a yes could not be taken;
/// <see cref="Delivered"/> whether the request reached the phone (true), could not (false), or is not known yet (null).
/// </summary>
public sealed record CallOutLine(
    long CallOutId,
    long AssistantId,
    string Name,
    string To,
    string Code,
    DateTime? SentAtUtc,
    string? Answer,
    string? DeploymentState,
    string? Refusal,
    bool Open,
    string? Fault,
    bool? Delivered = null);

/// <summary>The SMS settings as shown: never the password, only whether one is kept.</summary>
public sealed record SmsSettingsData(string Url, string User, bool PasswordSet, string From, int PollSeconds, bool ConfirmOnYes, string? Check = null, int ShiftNoticeMinutes = SmsSettings.DefaultShiftNoticeMinutes);

/// <summary>Reads the SMS settings.</summary>
public sealed record GetSmsSettings : IRequest<SmsSettingsData>;

/// <summary>
/// Saves the SMS settings (a null field keeps what is stored; a null password keeps the stored one) and makes a
/// test call: <see cref="SmsSettingsData.Check"/> is null when the gateway took the credentials, else the fault's message key.
/// </summary>
public sealed record SaveSmsSettings(string? Url, string? User, string? Password, string? From, int? PollSeconds, bool? ConfirmOnYes, int? ShiftNoticeMinutes = null) : IRequest<SmsSettingsData>;
