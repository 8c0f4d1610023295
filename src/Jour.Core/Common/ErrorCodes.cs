namespace Jour.Core.Common;

/// <summary>Message keys for refusals; each has a Swedish and an English text in Messages.resx.</summary>
public static class ErrorCodes
{
    public const string Unexpected = "Error_Unexpected";
    public const string NotSignedIn = "Error_NotSignedIn";
    public const string SignInFailed = "Error_SignInFailed";
    public const string SetupAlreadyDone = "Error_SetupAlreadyDone";
    public const string NameRequired = "Error_NameRequired";
    public const string PinTooShort = "Error_PinTooShort";
    public const string CaseNotFound = "Error_CaseNotFound";
    public const string CaseChangedByOther = "Error_CaseChangedByOther";
    public const string TriggerNotPermitted = "Error_TriggerNotPermitted";
    public const string ReasonRequired = "Error_ReasonRequired";
    public const string GuardVerificationMissing = "Guard_VerificationMissing";
    public const string GuardWindowsUncovered = "Guard_WindowsUncovered";
    public const string GuardReopenPeriodPassed = "Guard_ReopenPeriodPassed";
    public const string NotADemo = "Error_NotADemo";
    public const string ImportNotPermitted = "Error_ImportNotPermitted";
    public const string ProtocolMismatch = "Error_ProtocolMismatch";
    public const string UnknownOperation = "Error_UnknownOperation";
    public const string BadRequest = "Error_BadRequest";
    public const string ServerUnavailable = "Error_ServerUnavailable";
    public const string ServerAlreadyRunning = "Error_ServerAlreadyRunning";
    public const string StorageKeyMissing = "Storage_KeyMissing";
    public const string StorageWrongKey = "Storage_WrongKey";
    public const string StorageUnreadable = "Storage_Unreadable";
    public const string StorageNewerSchema = "Storage_NewerSchema";
}
