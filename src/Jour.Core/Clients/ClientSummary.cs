using Jour.Core.Cases;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Clients;

#pragma warning disable SA1649, CA1711

/// <summary>One row of the client register, personnummer masked.</summary>
public sealed record ClientSummary(long Id, string Name, string MaskedNumber, Sex Sex, string ProviderName);
