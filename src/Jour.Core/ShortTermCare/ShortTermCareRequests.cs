using System.Text.Json.Serialization;
using Jour.Core.Cases;
using Jour.Core.Common;
using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.ShortTermCare;

/// <summary>One unit as the register shows it: its places, how many are free on the register's day, and which cases hold one.</summary>
public sealed record ShortTermUnitData(long Id, string Name, int Places, string Phone, string Note, bool IsClosed, int Revision, int Free = 0, IReadOnlyList<ShortTermHolder>? Holders = null);

/// <summary>A case holding a place, by its number (the register names no client).</summary>
public sealed record ShortTermHolder(long CaseId, string CaseNumber, DateTime FromUtc);

/// <summary>Every unit with its free places on <paramref name="Date"/>: today (when null) as of now, another day as of its start.</summary>
public sealed record GetShortTermUnits(DateOnly? Date) : IRequest<ShortTermRegister>;

public sealed record ShortTermRegister(DateOnly Date, IReadOnlyList<ShortTermUnitData> Units);

/// <summary>Creates (Id 0) or updates a unit against the revision the user saw.</summary>
public sealed record SaveShortTermUnit(ShortTermUnitData Unit) : IRequest<ShortTermUnitData>;

/// <summary>
/// Step 3 of the priority order carried out: a place on the unit is booked for the case and the case moves to
/// Korttidsplats, both or neither. Needs step 3 recorded and a free place.
/// </summary>
public sealed record PlaceInShortTermCare(long CaseId, long UnitId, int ExpectedRevision, string Comment) : IRequest<CaseDetail>;

/// <summary>The use cases of the short-term places.</summary>
public static class ShortTermCareRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("short-term-units", ShortTermJson.Default, Access.SignedIn, (GetShortTermUnits r, RequestContext c) => c.UseCases.GetShortTermUnits(r.Date)),

        // The resurssakkunnig keeps the register: a coordinator (or an admin).
        UseCase.Of("save-short-term-unit", ShortTermJson.Default, Access.AnyOf(Role.Coordinator | Role.Admin, ErrorCodes.ShortTermUnitNotPermitted), (SaveShortTermUnit r, RequestContext c) => c.UseCases.SaveShortTermUnit(c.Actor, r.Unit)),
        UseCase.Of("place-in-short-term-care", ShortTermJson.Default, Access.SignedIn, (PlaceInShortTermCare r, RequestContext c) => c.UseCases.PlaceInShortTermCare(c.Actor, r)),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetShortTermUnits))]
[JsonSerializable(typeof(ShortTermRegister))]
[JsonSerializable(typeof(SaveShortTermUnit))]
[JsonSerializable(typeof(ShortTermUnitData))]
[JsonSerializable(typeof(PlaceInShortTermCare))]
[JsonSerializable(typeof(CaseDetail))]
internal sealed partial class ShortTermJson : JsonSerializerContext;
