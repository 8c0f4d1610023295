using Jour.Core.Cases;
using Jour.Core.Providers;
using Jour.Core.UseCases;

namespace Jour.Core.Clients;

#pragma warning disable SA1649, CA1711

// Records for the intake form, the registers and drafts. Flat and immutable: they travel as JSON.

/// <summary>Someone who speaks for a client.</summary>
public sealed record RepresentativeData(RepresentativeKind Kind, string Name, string Phone, string PersonalNumber = "");

/// <summary>A client in full, for the client form; <see cref="Id"/> 0 creates one.</summary>
public sealed record ClientData(
    long Id,
    string Name,
    string PersonalIdentityNumber,
    string Address,
    string AccessNote,
    long? ProviderId,
    bool IsSelfEmployer,
    decimal GrantedHoursPerWeek,
    AssistanceBasis Basis,
    IReadOnlyList<string> Needs,
    IReadOnlyList<string> DelegatedTasks,
    IReadOnlyList<RepresentativeData> Representatives,
    int Revision);

/// <summary>A contact at a provider.</summary>
public sealed record ContactData(string Name, string Phone);
