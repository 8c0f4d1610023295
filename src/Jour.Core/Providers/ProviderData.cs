using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;

namespace Jour.Core.Providers;

#pragma warning disable SA1649, CA1711

/// <summary>A provider in full; <see cref="Id"/> 0 creates one.</summary>
public sealed record ProviderData(
    long Id,
    string Name,
    string OrganisationNumber,
    bool HasFTax,
    IvoPermit Permit,
    ProviderStatus Status,
    string Phone,
    IReadOnlyList<ContactData> Contacts,
    int Revision);
