using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Staff;

#pragma warning disable SA1649, CA1711

/// <summary>One row of the standby pool; <paramref name="RegisterCheckValidUntil"/> the last day the latest register check counts, if any.</summary>
public sealed record StaffSummary(long Id, string Name, string Phone, IReadOnlyList<string> Competences, bool IsBlocked, DateOnly? RegisterCheckValidUntil = null);
