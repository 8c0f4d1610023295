using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Changes;

#pragma warning disable SA1649, CA1711

/// <summary>What changed, pushed to every session so it can refresh what it shows.</summary>
public sealed record ChangeNotice(ChangeKind Kind, long Id);
