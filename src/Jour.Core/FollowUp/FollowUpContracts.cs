using Jour.Core.UseCases;

namespace Jour.Core.FollowUp;

#pragma warning disable SA1649, CA1711

// Records for follow-up: settings, the monthly invoicing basis and the statistics. Flat and immutable: they travel as JSON.

/// <summary>
/// The invoicing settings as a form shows them; <see cref="PaymentTermDays"/> is how many days after the
/// invoice date it is due (seed 000: "trettio (30) dagar"). The contract's period and money are contracts (Contracts/).
/// </summary>
public sealed record SettingsData(
    string SupplierName,
    string OrganisationNumber,
    string VatNumber,
    string FTax,
    string CustomerName,
    string CustomerReference,
    string InvoiceAddress,
    int PaymentTermDays);

/// <summary>Which month to invoice.</summary>
public sealed record InvoiceRequest(int Year, int Month) : IRequest<InvoiceBasis>;

/// <summary>
/// The fields every invoice must carry (seed 000, "Fakturering"), from settings, the period invoiced, and
/// when it is due: <see cref="DueDate"/> is the invoice date plus the settings' payment term.
/// </summary>
public sealed record InvoiceHeader(
    string SupplierName,
    string OrganisationNumber,
    string VatNumber,
    string FTax,
    string CustomerName,
    string CustomerReference,
    string InvoiceAddress,
    DateOnly InvoiceDate,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    DateOnly DueDate);

/// <summary>
/// One contract's part of the month: its days, its compensation for them (<see cref="CompensationKr"/>), the
/// unused share billed (<see cref="UnusedKr"/>, at 100 % less <see cref="UtilisationPercent"/>), the days'
/// share of its deductions, and what is left (<see cref="NetKr"/>). Öre, each rounded once from the exact figure.
/// </summary>
public sealed record InvoiceAmountLine(
    long ContractId,
    DateOnly From,
    DateOnly To,
    int Days,
    decimal AnnualEquivalentKr,
    decimal UtilisationPercent,
    decimal CompensationKr,
    decimal UnusedKr,
    decimal DeductionsKr,
    decimal NetKr);

/// <summary>
/// One time report on the invoicing basis, with both persons' full personnummer. <see cref="Date"/> is the
/// Stockholm date the work started (the whole report belongs to that date's month); <see cref="EndDate"/>
/// differs when it ran past midnight.
/// </summary>
public sealed record InvoiceLine(
    long DeploymentId,
    string CaseNumber,
    string ClientName,
    string ClientNumber,
    DateOnly Date,
    string Start,
    DateOnly EndDate,
    string End,
    int BreakMinutes,
    int Minutes,
    string AssistantName,
    string AssistantNumber,
    string ClientSignedName,
    bool IsSigned);

/// <summary>One client's signed time reports of the month.</summary>
public sealed record InvoiceClient(string ClientName, string ClientNumber, IReadOnlyList<InvoiceLine> Lines, long Minutes);

/// <summary>
/// The monthly invoicing basis: the month's amount from the contracts in force (<see cref="Amounts"/>, one
/// line per contract; <see cref="TotalKr"/> in whole kronor as <see cref="Contracts.ContractMoney.Invoiced"/>
/// rounds it, <see cref="RoundingKr"/> what that rounding adds to the lines' öre), signed reports per client,
/// unsigned ones apart (counted, not invoiced).
/// </summary>
public sealed record InvoiceBasis(
    InvoiceHeader Header,
    IReadOnlyList<InvoiceClient> Clients,
    IReadOnlyList<InvoiceLine> UnsignedLines,
    int SignedCount,
    long SignedMinutes,
    int UnsignedCount,
    long UnsignedMinutes,
    IReadOnlyList<InvoiceAmountLine> Amounts,
    decimal TotalKr,
    decimal RoundingKr);

/// <summary>Statistics for the Stockholm days From..To, both inclusive.</summary>
public sealed record StatisticsRequest(DateOnly From, DateOnly To) : IRequest<StatisticsReport>;

/// <summary>A count under a key (an enum name) with its label in the user's language.</summary>
public sealed record CountRow(string Key, string Label, int Count);

/// <summary>Worked minutes of time reports starting in one month or one week (first day given).</summary>
public sealed record PeriodMinutes(DateOnly Start, long Minutes);

/// <summary>
/// The follow-up figures for a period (seeds 000, 002, 003, 004). Money, capacity and the target come from
/// the contract in force on each of the period's days up to <see cref="CountedTo"/> (today for a running
/// period); <see cref="Compensation"/> and <see cref="CostPerHour"/> are whole kronor. <see cref="Utilisation"/> is
/// seed 000's utilisation from the standby staff's paid hours; <see cref="UtilisationPercent"/> the older
/// deployed hours ÷ the contract's capacity hours, kept for the CSV. <see cref="HoursPerWeekPerPerson"/> is over
/// the weeks each person was served; <see cref="NewPersons"/> had no case at all before the period. Incidents count by
/// the time they occurred, complaints by the time they were received, each by kind (seed 003).
/// </summary>
public sealed record StatisticsReport(
    DateOnly From,
    DateOnly To,
    DateOnly CountedTo,
    int CurrentPersons,
    int Women,
    int Men,
    int SexUnknown,
    double HoursPerWeekPerPerson,
    int NewPersons,
    IReadOnlyList<CountRow> NewByReason,
    int ClosedPersons,
    IReadOnlyList<CountRow> ClosedByReason,
    int CasesReceived,
    IReadOnlyList<CountRow> CasesByReason,
    IReadOnlyList<CountRow> CasesByOutcome,
    int ResponseSamples,
    double? ResponseMedianMinutes,
    double? ResponseP90Minutes,
    long MinutesDeployed,
    long SignedMinutes,
    int TimeReports,
    int UnsignedTimeReports,
    IReadOnlyList<PeriodMinutes> Months,
    IReadOnlyList<PeriodMinutes> Weeks,
    double CapacityHours,
    double UtilisationPercent,
    double TargetPercent,
    decimal Compensation,
    decimal? CostPerHour,
    Contracts.UtilisationFigures Utilisation,
    double HoursPerCase,
    IReadOnlyList<CountRow> IncidentsByKind,
    IReadOnlyList<CountRow> ComplaintsByKind,
    IReadOnlyList<InsatsHours> HoursByInsats,
    int ShortTermDays,
    int ShortTermPersons,
    IReadOnlyList<QuarterFigures> Quarters,
    int ComplaintsEscalated = 0,
    int IvoInvestigationsOpened = 0);

/// <summary>
/// The hours of one kind of insats (seed 004's "resursutnyttjande … per insats"): the standby assistants' hours
/// by what the client's assistance is granted under (LSS 9 § 2, assistansersättning, not recorded), and how many
/// persons they were for.
/// </summary>
public sealed record InsatsHours(string Key, string Label, long Minutes, int Persons);

/// <summary>One calendar quarter of a longer period (the year report): its hours, incidents and complaints by kind.</summary>
public sealed record QuarterFigures(DateOnly From, DateOnly To, long Minutes, IReadOnlyList<CountRow> IncidentsByKind, IReadOnlyList<CountRow> ComplaintsByKind);
