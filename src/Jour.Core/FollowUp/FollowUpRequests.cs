using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.FollowUp;

/// <summary>The contract and invoicing settings (defaults when never saved).</summary>
public sealed record GetSettings : IRequest<SettingsData>;

public sealed record SaveSettings(SettingsData Settings) : IRequest<SettingsData>;

/// <summary>The use cases of follow-up: settings, the invoicing basis, statistics.</summary>
public static class FollowUpRequests
{
    private static readonly Access s_finance = Access.AnyOf(Role.Admin | Role.Finance, ErrorCodes.FinanceNotPermitted);

    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("settings", FollowUpJson.Default, Access.SignedIn, (GetSettings _, RequestContext c) => c.UseCases.GetSettings()),
        UseCase.Of("save-settings", FollowUpJson.Default, s_finance, (SaveSettings r, RequestContext c) => c.UseCases.SaveSettings(c.Actor, r.Settings)),

        // One month's invoicing basis with full personnummer.
        UseCase.Of("invoice-basis", FollowUpJson.Default, s_finance, (InvoiceRequest r, RequestContext c) => c.UseCases.GetInvoiceBasis(c.Actor, r)),
        UseCase.Of("provider-basis", FollowUpJson.Default, s_finance, (ProviderBasisRequest r, RequestContext c) => c.UseCases.GetProviderBasis(c.Actor, r)),
        UseCase.Of("statistics", FollowUpJson.Default, Access.SignedIn, (StatisticsRequest r, RequestContext c) => c.UseCases.GetStatistics(r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetSettings))]
[JsonSerializable(typeof(SettingsData))]
[JsonSerializable(typeof(SaveSettings))]
[JsonSerializable(typeof(InvoiceRequest))]
[JsonSerializable(typeof(InvoiceBasis))]
[JsonSerializable(typeof(ProviderBasisRequest))]
[JsonSerializable(typeof(ProviderBasis))]
[JsonSerializable(typeof(StatisticsRequest))]
[JsonSerializable(typeof(StatisticsReport))]
internal sealed partial class FollowUpJson : JsonSerializerContext;
