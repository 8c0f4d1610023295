namespace Jour.Core.Import;

/// <summary>Message keys of import issues; each has a Swedish and an English text in Messages.resx.</summary>
public static class ImportCodes
{
    public const string NoHeader = "Import_NoHeader";
    public const string NoSemicolon = "Import_NoSemicolon";
    public const string UnknownColumn = "Import_UnknownColumn";
    public const string DuplicateColumn = "Import_DuplicateColumn";
    public const string MissingColumn = "Import_MissingColumn";
    public const string ValueWithoutColumn = "Import_ValueWithoutColumn";
    public const string UnterminatedQuote = "Import_UnterminatedQuote";
    public const string TextAfterQuote = "Import_TextAfterQuote";
    public const string Required = "Import_Required";
    public const string TooLong = "Import_TooLong";
    public const string YesNo = "Import_YesNo";
    public const string OneOf = "Import_OneOf";
    public const string Hours = "Import_Hours";
    public const string RepresentativeFormat = "Import_RepresentativeFormat";
    public const string ContactFormat = "Import_ContactFormat";
    public const string PhoneFormat = "Import_PhoneFormat";
    public const string DelegationFormat = "Import_DelegationFormat";
    public const string ProviderNotFound = "Import_ProviderNotFound";
    public const string SelfEmployerWithProvider = "Import_SelfEmployerWithProvider";
    public const string DuplicateInFile = "Import_DuplicateInFile";
    public const string DuplicateInRegister = "Import_DuplicateInRegister";
    public const string MonthFormat = "Import_MonthFormat";
    public const string MonthHours = "Import_MonthHours";
    public const string OtherOverPaid = "Import_OtherOverPaid";
    public const string AssistantNotFound = "Import_AssistantNotFound";
    public const string AssistantAmbiguous = "Import_AssistantAmbiguous";
}
