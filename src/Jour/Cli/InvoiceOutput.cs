using System.Text.Json.Serialization;

namespace Jour.Cli;

/// <summary>
/// The invoicing basis as `jour export invoice --format json` writes it (snake_case like `jour contract list`):
/// the header seed 000 asks for, <c>total_kr</c> in whole kronor, <c>due_date</c>, the contracts' amount lines,
/// and the signed time reports as <c>lines</c> (unsigned ones apart, not invoiced). Dates are YYYY-MM-DD.
/// </summary>
internal sealed record InvoiceOutput(
    [property: JsonPropertyName("month")] string Month,
    [property: JsonPropertyName("invoice_date")] string InvoiceDate,
    [property: JsonPropertyName("due_date")] string DueDate,
    [property: JsonPropertyName("period_from")] string PeriodFrom,
    [property: JsonPropertyName("period_to")] string PeriodTo,
    [property: JsonPropertyName("supplier")] string Supplier,
    [property: JsonPropertyName("organisation_number")] string OrganisationNumber,
    [property: JsonPropertyName("vat_number")] string VatNumber,
    [property: JsonPropertyName("f_tax")] string FTax,
    [property: JsonPropertyName("customer")] string Customer,
    [property: JsonPropertyName("customer_reference")] string CustomerReference,
    [property: JsonPropertyName("invoice_address")] string InvoiceAddress,
    [property: JsonPropertyName("total_kr")] decimal TotalKr,
    [property: JsonPropertyName("rounding_kr")] decimal RoundingKr,
    [property: JsonPropertyName("amounts")] IReadOnlyList<InvoiceAmountOutput> Amounts,
    [property: JsonPropertyName("signed_minutes")] long SignedMinutes,
    [property: JsonPropertyName("lines")] IReadOnlyList<InvoiceLineOutput> Lines,
    [property: JsonPropertyName("unsigned_minutes")] long UnsignedMinutes,
    [property: JsonPropertyName("unsigned_lines")] IReadOnlyList<InvoiceLineOutput> UnsignedLines);

/// <summary>One contract's part of the month in <see cref="InvoiceOutput"/>; öre.</summary>
internal sealed record InvoiceAmountOutput(
    [property: JsonPropertyName("contract_id")] long ContractId,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("days")] int Days,
    [property: JsonPropertyName("annual_kr")] decimal AnnualKr,
    [property: JsonPropertyName("utilisation_percent")] decimal UtilisationPercent,
    [property: JsonPropertyName("compensation_kr")] decimal CompensationKr,
    [property: JsonPropertyName("unused_kr")] decimal UnusedKr,
    [property: JsonPropertyName("deductions_kr")] decimal DeductionsKr,
    [property: JsonPropertyName("net_kr")] decimal NetKr);

/// <summary>One time report in <see cref="InvoiceOutput"/>, with both persons' full personnummer.</summary>
internal sealed record InvoiceLineOutput(
    [property: JsonPropertyName("client")] string Client,
    [property: JsonPropertyName("client_personnummer")] string ClientNumber,
    [property: JsonPropertyName("case")] string Case,
    [property: JsonPropertyName("date")] string Date,
    [property: JsonPropertyName("start")] string Start,
    [property: JsonPropertyName("end_date")] string EndDate,
    [property: JsonPropertyName("end")] string End,
    [property: JsonPropertyName("break_minutes")] int BreakMinutes,
    [property: JsonPropertyName("minutes")] int Minutes,
    [property: JsonPropertyName("assistant")] string Assistant,
    [property: JsonPropertyName("assistant_personnummer")] string AssistantNumber,
    [property: JsonPropertyName("client_signed_name")] string ClientSignedName,
    [property: JsonPropertyName("signed")] bool Signed);
