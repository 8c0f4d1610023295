using System.Globalization;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.FollowUp;
using Jour.Core.Identity;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// Follow-up: contract and invoicing settings, the monthly invoicing basis, statistics.
public sealed partial class JourUseCases
{
    /// <summary>Who may change the settings and export the invoicing basis (it carries full personnummer).</summary>

    /// <summary>The longest period statistics are computed for in one request.</summary>
    private const int MaxStatisticsDays = 366 * 5;

    public SettingsData GetSettings() => ToData(Settings());

    public SettingsData SaveSettings(SessionInfo actor, SettingsData data)
    {
        InputLimits.Check(data);
        FollowUpSettings settings = Validate(data);
        settings.UpdatedBy = actor.UserId;
        settings.UpdatedUtc = UtcNow;
        lock (_gate.Lock)
        {
            _store.SaveSettings(settings);
        }

        LogSettingsSaved(actor.UserId);
        Published(new ChangeNotice(ChangeKind.Settings, 0));
        return ToData(settings);
    }

    /// <summary>The invoicing basis of one month; only finance and admin, because it holds full personnummer.</summary>
    public InvoiceBasis GetInvoiceBasis(SessionInfo actor, InvoiceRequest request)
    {
        ReportPeriod period = BillingMonth(request.Year, request.Month);
        var lines = _store.LoadTimeReportLines(period.FromUtc, period.ToUtc);
        var clients = _store.LoadClients().ToDictionary(c => c.Id);
        var staff = _store.LoadStaff().ToDictionary(s => s.Id);
        InvoiceBasis basis = InvoiceBasisBuilder.Build(period, Today(), Settings(), _store.LoadContracts(), lines, clients, staff);
        LogInvoiceBasis(request.Year, request.Month, basis.SignedCount, basis.UnsignedCount, actor.UserId);
        return basis;
    }

    /// <summary>One month's provider basis; finance and admin only, like the invoice, for the personnummer.</summary>
    public ProviderBasis GetProviderBasis(SessionInfo actor, ProviderBasisRequest request)
    {
        ReportPeriod period = BillingMonth(request.Year, request.Month);
        var lines = _store.LoadTimeReportLines(period.FromUtc, period.ToUtc);
        var bookings = _store.LoadShortTermBookings().Where(b => b.Holds(period.FromUtc, period.ToUtc)).ToList();
        // The lines carry their case's provider; only the few placed cases are read.
        var cases = bookings.Select(b => b.CaseId).Distinct().Select(_store.FindCase).OfType<Cases.Case>().ToDictionary(c => c.Id);
        var clients = _store.LoadClients().ToDictionary(c => c.Id);
        var providers = _store.LoadProviders().ToDictionary(p => p.Id);
        ProviderBasis basis = ProviderBasisBuilder.Build(period, Today(), lines, bookings, cases, clients, providers);
        LogProviderBasis(request.Year, request.Month, basis.Providers.Count, actor.UserId);
        return basis;
    }

    private static ReportPeriod BillingMonth(int year, int month) =>
        month is < 1 or > 12 || year is < 2000 or > 2100
            ? throw new JourException(ErrorCodes.InvoiceMonthInvalid)
            : ReportPeriod.Month(year, month);

    public StatisticsReport GetStatistics(StatisticsRequest request)
    {
        if (request.To < request.From || request.To.DayNumber - request.From.DayNumber >= MaxStatisticsDays)
        {
            throw new JourException(ErrorCodes.StatsPeriodInvalid);
        }

        var period = new ReportPeriod(request.From, request.To);
        var cases = _store.LoadCaseFacts(period.FromUtc, period.ToUtc);
        var reports = _store.LoadReportFacts(period.FromUtc, period.ToUtc + StatisticsCalculator.ResponseLookahead);
        var clients = _store.LoadClients().ToDictionary(c => c.Id);
        var paid = _store.LoadPaidHours(request.From.ToString("yyyy-MM", CultureInfo.InvariantCulture), request.To.ToString("yyyy-MM", CultureInfo.InvariantCulture));
        var earlier = _store.ClientsWithCaseBefore(cases.Where(c => c.ReceivedUtc >= period.FromUtc).Select(c => c.ClientId), period.FromUtc)
            .Concat(cases.Where(c => c.ReceivedUtc < period.FromUtc).Select(c => c.ClientId))
            .ToHashSet();
        return StatisticsCalculator.Compute(period, Today(), _store.LoadContracts(), cases, clients, reports, paid, earlier, _store.LoadIncidents(), _store.LoadComplaints(), _store.LoadShortTermBookings(), _store.LoadIvoInvestigations());
    }

    /// <summary>The contract's last day when the status bar must say that the extension is to be decided.</summary>
    private DateOnly? ContractExtensionDue() => ContractNotice.ExtensionDue(_store.LoadContracts(), Today());

    private FollowUpSettings Settings() => _store.LoadSettings() ?? new FollowUpSettings();

    private DateOnly Today() => ReportPeriod.LocalDate(UtcNow);

    /// <summary>
    /// The settings as stored, or the refusal naming the field: the organisation number checked (Luhn, a legal
    /// entity), the VAT number as <c>SE</c> + the organisation number's ten digits + <c>01</c>, and the
    /// payment term in days.
    /// </summary>
    private static FollowUpSettings Validate(SettingsData data)
    {
        string org = data.OrganisationNumber.Trim();
        OrganisationNumber parsed = default;
        if (org.Length > 0)
        {
            if (!OrganisationNumber.TryParse(org, out parsed, out _))
            {
                throw new JourException(ErrorCodes.SettingsOrganisationNumberInvalid, org);
            }

            org = parsed.Formatted;
        }

        string vat = string.Concat(data.VatNumber.Where(ch => !char.IsWhiteSpace(ch) && ch != '-')).ToUpperInvariant();
        if (vat.Length > 0)
        {
            bool shape = vat.Length == 14 && vat.StartsWith("SE", StringComparison.Ordinal) && vat.EndsWith("01", StringComparison.Ordinal)
                && OrganisationNumber.TryParse(vat[2..12], out _, out _);
            if (!shape)
            {
                throw new JourException(ErrorCodes.SettingsVatNumberInvalid, data.VatNumber.Trim());
            }

            if (org.Length > 0 && vat[2..12] != parsed.Value)
            {
                throw new JourException(ErrorCodes.SettingsVatNumberMismatch, vat, org, "SE" + parsed.Value + "01");
            }
        }

        if (data.PaymentTermDays is < 0 or > FollowUpSettings.MaxPaymentTermDays)
        {
            throw new JourException(ErrorCodes.SettingsPaymentTermInvalid, data.PaymentTermDays.ToString(SwedishCulture.Instance));
        }

        return new FollowUpSettings
        {
            SupplierName = data.SupplierName.Trim(),
            OrganisationNumber = org,
            VatNumber = vat,
            FTax = data.FTax.Trim(),
            CustomerName = data.CustomerName.Trim(),
            CustomerReference = data.CustomerReference.Trim(),
            InvoiceAddress = data.InvoiceAddress.Trim(),
            PaymentTermDays = data.PaymentTermDays,
        };
    }

    private static SettingsData ToData(FollowUpSettings s) => new(
        s.SupplierName,
        s.OrganisationNumber,
        s.VatNumber,
        s.FTax,
        s.CustomerName,
        s.CustomerReference,
        s.InvoiceAddress,
        s.PaymentTermDays);

    [LoggerMessage(Level = LogLevel.Information, Message = "Follow-up settings saved by user {UserId}")]
    private partial void LogSettingsSaved(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Invoicing basis {Year}-{Month} ({Signed} signed, {Unsigned} unsigned) read by user {UserId}")]
    private partial void LogInvoiceBasis(int year, int month, int signed, int unsigned, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Provider basis {Year}-{Month} ({Providers} providers) read by user {UserId}")]
    private partial void LogProviderBasis(int year, int month, int providers, long userId);
}
