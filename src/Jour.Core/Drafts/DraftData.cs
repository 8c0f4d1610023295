using Jour.Core.Cases;
using Jour.Core.Clients;
using Jour.Core.Providers;
using Jour.Core.UseCases;

namespace Jour.Core.Drafts;

#pragma warning disable SA1649, CA1711

/// <summary>A saved form: field name to text as typed.</summary>
public sealed record DraftData(string Form, IReadOnlyDictionary<string, string> Fields, DateTime SavedUtc);
