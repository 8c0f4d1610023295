namespace Jour.Protocol;

/// <summary>Operation names on the wire; renaming one is a protocol change.</summary>
public static class Ops
{
    public const string Hello = "hello";
    public const string Shutdown = "shutdown";
    public const string InstallInfo = "install-info";
    public const string SignIn = "sign-in";
    public const string SetUp = "set-up";

    /// <summary>A new one-time set-up code; only for the server's own account (<c>jour users setup-code</c>).</summary>
    public const string IssueSetUpCode = "issue-set-up-code";
    public const string Status = "status";
    public const string OpenCases = "open-cases";
    public const string Case = "case";
    public const string GetCandidates = "candidates";
    public const string Assign = "assign";
    public const string SetDeploymentState = "deployment-state";
    public const string SetBlocked = "set-blocked";
    public const string ReportTime = "report-time";
    public const string Sign = "sign";
    public const string CasesInState = "cases-in-state";
    public const string Fire = "fire";
    public const string AddNote = "add-note";
    public const string Clients = "clients";
    public const string Staff = "staff";
    public const string ResetDemo = "reset-demo";
    public const string CreateCase = "create-case";
    public const string RecordVerification = "record-verification";
    public const string Client = "client";
    public const string SaveClient = "save-client";
    public const string Providers = "providers";
    public const string SaveProvider = "save-provider";
    public const string GetDraft = "get-draft";
    public const string SaveDraft = "save-draft";
    public const string DiscardDraft = "discard-draft";
    public const string ImportClients = "import-clients";
    public const string ImportProviders = "import-providers";
    public const string ImportStaff = "import-staff";
    public const string OnCall = "on-call";
    public const string OnCallAt = "on-call-at";
    public const string TakeOver = "take-over";
    public const string AddOverride = "add-override";
    public const string Swap = "swap";
    public const string Rotation = "rotation";
    public const string SaveRotation = "save-rotation";
    public const string Officers = "officers";
    public const string OnCallHours = "on-call-hours";
    public const string Settings = "settings";
    public const string SaveSettings = "save-settings";
    public const string InvoiceBasis = "invoice-basis";
    public const string Statistics = "statistics";
    public const string SignOut = "sign-out";
    public const string ConfirmPin = "confirm-pin";
    public const string Users = "users";
    public const string AddUser = "add-user";
    public const string UpdateUser = "update-user";
    public const string ResetPin = "reset-pin";
    public const string Journal = "journal";
    public const string AddJournalEntry = "add-journal-entry";
    public const string AccessLog = "access-log";
    public const string Incidents = "incidents";
    public const string SaveIncident = "save-incident";
    public const string Complaints = "complaints";
    public const string SaveComplaint = "save-complaint";
    public const string Handover = "handover";
    public const string MakeHandover = "hand-over";
    public const string AcknowledgeHandover = "acknowledge-handover";
    public const string Handovers = "handovers";
    public const string StaffMember = "staff-member";
    public const string SaveStaff = "save-staff";
    public const string PoolWeek = "pool-week";
    public const string DeployedHours = "deployed-hours";
    public const string Backup = "backup";
    public const string Check = "check";
}
