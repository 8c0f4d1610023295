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

    public const string ClosingReasonRequired = "Error_ClosingReasonRequired";
    public const string GuardWindowsUncovered = "Guard_WindowsUncovered";
    public const string GuardReopenPeriodPassed = "Guard_ReopenPeriodPassed";
    public const string GuardExhaustedMissing = "Guard_ExhaustedMissing";
    public const string GuardStep1Missing = "Guard_Step1Missing";
    public const string GuardStep2Missing = "Guard_Step2Missing";
    public const string GuardTimeReportsUnsigned = "Guard_TimeReportsUnsigned";
    public const string VerificationClosed = "Error_VerificationClosed";
    public const string OutcomeRequired = "Error_OutcomeRequired";
    public const string VerificationInFuture = "Error_VerificationInFuture";
    public const string ClientNotFound = "Error_ClientNotFound";
    public const string ProviderNotFound = "Error_ProviderNotFound";
    public const string ProviderOrSelfEmployer = "Error_ProviderOrSelfEmployer";
    public const string CallerRequired = "Error_CallerRequired";
    public const string PhoneInvalid = "Error_PhoneInvalid";
    public const string NeedRequired = "Error_NeedRequired";
    public const string NeedWindowInvalid = "Error_NeedWindowInvalid";
    public const string AssistantsInvalid = "Error_AssistantsInvalid";
    public const string ClientChangedByOther = "Error_ClientChangedByOther";
    public const string ProviderChangedByOther = "Error_ProviderChangedByOther";
    public const string DuplicatePersonalNumber = "Error_DuplicatePersonalNumber";
    public const string DuplicateOrganisationNumber = "Error_DuplicateOrganisationNumber";
    public const string HoursInvalid = "Error_HoursInvalid";
    public const string AssistantNotFound = "Error_AssistantNotFound";
    public const string StaffChangedByOther = "Error_StaffChangedByOther";
    public const string StaffNotPermitted = "Error_StaffNotPermitted";
    public const string DuplicateStaffNumber = "Error_DuplicateStaffNumber";
    public const string HourLimitInvalid = "Error_HourLimitInvalid";
    public const string DelegationInvalid = "Error_DelegationInvalid";
    public const string AvailabilityInvalid = "Error_AvailabilityInvalid";
    public const string ClientKnownAndExcluded = "Error_ClientKnownAndExcluded";
    public const string DeploymentNotFound = "Error_DeploymentNotFound";
    public const string DoubleBooking = "Error_DoubleBooking";
    public const string NotEligible = "Error_NotEligible";
    public const string OverrideReasonRequired = "Error_OverrideReasonRequired";
    public const string TimeReportInvalid = "Error_TimeReportInvalid";
    public const string TimeReportSigned = "Error_TimeReportSigned";
    public const string TimeReportMissing = "Error_TimeReportMissing";
    public const string NotADemo = "Error_NotADemo";
    public const string ImportNotPermitted = "Error_ImportNotPermitted";
    public const string RosterNotPermitted = "Error_RosterNotPermitted";
    public const string RotationTimesInvalid = "Error_RotationTimesInvalid";
    public const string OfficerNotFound = "Error_OfficerNotFound";
    public const string OverrideInvalid = "Error_OverrideInvalid";
    public const string OverrideInPast = "Error_OverrideInPast";
    public const string TakeOverNotOfficer = "Error_TakeOverNotOfficer";
    public const string NobodyOnCall = "Error_NobodyOnCall";
    public const string AlreadyOnCall = "Error_AlreadyOnCall";
    public const string SwapInvalid = "Error_SwapInvalid";
    public const string PeriodInvalid = "Error_PeriodInvalid";
    public const string JournalRefused = "Error_JournalRefused";
    public const string JournalReasonRequired = "Error_JournalReasonRequired";
    public const string JournalTextRequired = "Error_JournalTextRequired";
    public const string JournalEntryNotFound = "Error_JournalEntryNotFound";
    public const string AccessLogNotPermitted = "Error_AccessLogNotPermitted";
    public const string RecordsNotPermitted = "Error_RecordsNotPermitted";
    public const string IncidentDescriptionRequired = "Error_IncidentDescriptionRequired";
    public const string IncidentInFuture = "Error_IncidentInFuture";
    public const string IncidentNotFound = "Error_IncidentNotFound";
    public const string ComplaintNotFound = "Error_ComplaintNotFound";
    public const string ComplaintFromRequired = "Error_ComplaintFromRequired";
    public const string ComplaintAboutRequired = "Error_ComplaintAboutRequired";
    public const string ComplaintAnswerRequired = "Error_ComplaintAnswerRequired";
    public const string CaseOfOtherClient = "Error_CaseOfOtherClient";
    public const string RecordChangedByOther = "Error_RecordChangedByOther";
    public const string ProtocolMismatch = "Error_ProtocolMismatch";
    public const string UnknownOperation = "Error_UnknownOperation";
    public const string BadRequest = "Error_BadRequest";
    public const string ServerUnavailable = "Error_ServerUnavailable";
    public const string ServerAlreadyRunning = "Error_ServerAlreadyRunning";
    public const string StorageKeyMissing = "Storage_KeyMissing";
    public const string StorageWrongKey = "Storage_WrongKey";
    public const string StorageUnreadable = "Storage_Unreadable";
    public const string StorageNewerSchema = "Storage_NewerSchema";
    public const string StorageFull = "Storage_Full";
    public const string StorageFailed = "Storage_Failed";

    // Follow-up (issue 8).
    public const string FinanceNotPermitted = "Error_FinanceNotPermitted";
    public const string ContractEndBeforeStart = "Error_ContractEndBeforeStart";
    public const string SettingsNumberInvalid = "Error_SettingsNumberInvalid";
    public const string DateInvalid = "Error_DateInvalid";
    public const string StatsPeriodInvalid = "Error_StatsPeriodInvalid";
    public const string InvoiceMonthInvalid = "Error_InvoiceMonthInvalid";
    // Users and sign-in (issue 7).
    public const string UsersNotPermitted = "Error_UsersNotPermitted";
    public const string UserNotFound = "Error_UserNotFound";
    public const string UserNameTaken = "Error_UserNameTaken";
    public const string RolesRequired = "Error_RolesRequired";
    public const string LastAdmin = "Error_LastAdmin";
    public const string DisableSelf = "Error_DisableSelf";
    public const string HandoverNotFound = "Error_HandoverNotFound";
    public const string HandoverNotPermitted = "Error_HandoverNotPermitted";
    public const string HandoverOwnAcknowledge = "Error_HandoverOwnAcknowledge";

    public const string HandoverToSelf = "Error_HandoverToSelf";
    public const string HandoverAlreadyAcknowledged = "Error_HandoverAlreadyAcknowledged";
    public const string OperatorOnly = "Error_OperatorOnly";
    public const string BackupTargetInvalid = "Error_BackupTargetInvalid";
    public const string BackupTargetExists = "Error_BackupTargetExists";
    public const string BackupFailed = "Error_BackupFailed";

    // Issue 16: a file written at a path the user names (--out, jour backup).
    public const string OutputExists = "Error_OutputExists";
    public const string OutputInDataDirectory = "Error_OutputInDataDirectory";
    public const string OutputIsLink = "Error_OutputIsLink";
    public const string OutputIsDirectory = "Error_OutputIsDirectory";
    public const string OutputNoDirectory = "Error_OutputNoDirectory";
    public const string OutputDenied = "Error_OutputDenied";
    public const string OutputFailed = "Error_OutputFailed";
    public const string OutputInvalid = "Error_OutputInvalid";
}
