using System.Globalization;
using Jour.Core.Cases;
using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Identity;
using Jour.Core.Staff;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

// The standby pool: editing an assistant, the week view, and deployed hours per person.
public sealed partial class JourUseCases
{

    public StaffData GetStaffMember(long assistantId)
    {
        StandbyAssistant a = _store.FindStaff(assistantId)
            ?? throw new JourException(ErrorCodes.AssistantNotFound, assistantId.ToString(CultureInfo.InvariantCulture));
        return ToData(a);
    }

    /// <summary>
    /// Creates (<see cref="StaffData.Id"/> 0) or updates an assistant against the revision the user saw.
    /// The block and its log are not touched here: they change only through <see cref="SetBlocked"/>.
    /// An officer may edit at night ("she is ill tomorrow"), as may a coordinator or an admin.
    /// </summary>
    public StaffData SaveStaff(SessionInfo actor, StaffData data)
    {
        InputLimits.Check(data);
        string number = ValidateStaff(data);
        StandbyAssistant saved;
        lock (_gate.Lock)
        {
            IReadOnlyList<StandbyAssistant> pool = _store.LoadStaff();
            if (number.Length > 0 && pool.Any(a => a.Id != data.Id && a.PersonalIdentityNumber == number))
            {
                throw new JourException(ErrorCodes.DuplicateStaffNumber);
            }

            var clients = _store.LoadClients().Select(c => c.Id).ToHashSet();
            if (data.KnownClientIds.Concat(data.ExcludedClientIds).FirstOrDefault(id => !clients.Contains(id)) is > 0 and long missing)
            {
                throw new JourException(ErrorCodes.ClientNotFound, missing.ToString(CultureInfo.InvariantCulture));
            }

            StandbyAssistant assistant;
            if (data.Id == 0)
            {
                assistant = new StandbyAssistant();
            }
            else
            {
                assistant = pool.FirstOrDefault(a => a.Id == data.Id)
                    ?? throw new JourException(ErrorCodes.AssistantNotFound, data.Id.ToString(CultureInfo.InvariantCulture));
            }

            assistant.Name = data.Name.Trim();
            assistant.Phone = data.Phone.Trim();
            assistant.PersonalIdentityNumber = number;
            assistant.EmploymentForm = data.EmploymentForm;
            assistant.WeeklyHourLimit = data.WeeklyHourLimit;
            assistant.Competences = CleanList(data.Competences);
            assistant.Delegations = [.. data.Delegations.Select(d => new Delegation { Task = d.Task.Trim(), IssuedBy = d.IssuedBy.Trim(), ValidFromUtc = Utc(d.ValidFromUtc), ValidToUtc = Utc(d.ValidToUtc) })];
            assistant.Availability = [.. data.Availability.OrderBy(p => p.FromUtc).Select(p => new AvailabilityPeriod { FromUtc = Utc(p.FromUtc), ToUtc = Utc(p.ToUtc), IsAvailable = p.IsAvailable, Note = p.Note.Trim() })];
            assistant.KnownClientIds = [.. data.KnownClientIds.Distinct()];
            assistant.ExcludedClientIds = [.. data.ExcludedClientIds.Distinct()];
            if (data.Id == 0)
            {
                saved = _store.AddStaff(assistant);
            }
            else if (!_store.TryUpdateStaff(assistant, data.Revision))
            {
                throw new JourException(ErrorCodes.StaffChangedByOther);
            }
            else
            {
                saved = assistant;
            }
        }

        LogStaffSaved(saved.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, saved.Id));
        return ToData(saved);
    }

    /// <summary>
    /// Records that the assistant showed a register extract on the given day and that the signed-in user checked
    /// it (lag 2010:479). The extract is not kept; a check is never removed, a newer one supersedes it.
    /// </summary>
    public StaffData RecordRegisterCheck(SessionInfo actor, RecordRegisterCheck request)
    {
        DateOnly shown = IsoDate.Parse(request.ShownOn) ?? throw new JourException(ErrorCodes.DateInvalid, request.ShownOn);
        if (shown > SwedishTime.Today(UtcNow))
        {
            throw new JourException(ErrorCodes.RegisterCheckInFuture, IsoDate.Format(shown));
        }

        StandbyAssistant a;
        lock (_gate.Lock)
        {
            a = _store.FindStaff(request.AssistantId)
                ?? throw new JourException(ErrorCodes.AssistantNotFound, request.AssistantId.ToString(CultureInfo.InvariantCulture));
            a.RegisterChecks.Add(new RegisterCheck { ShownOn = IsoDate.Format(shown), CheckedBy = actor.UserId, RecordedUtc = UtcNow });
            _store.UpdateStaff(a);
        }

        LogRegisterCheck(a.Id, actor.UserId);
        Published(new ChangeNotice(ChangeKind.Staff, a.Id));
        return ToData(a);
    }

    public PoolSettingsData GetPoolSettings()
    {
        PoolSettings rules = PoolRules();
        return new(rules.RegisterCheckValidityMonths, rules.HygieneCheckIntervalMonths);
    }

    public PoolSettingsData SavePoolSettings(SessionInfo actor, PoolSettingsData data)
    {
        if (data.RegisterCheckValidityMonths is < 1 or > RegisterChecks.MaxValidityMonths)
        {
            throw new JourException(
                ErrorCodes.RegisterCheckValidityInvalid,
                RegisterChecks.MaxValidityMonths.ToString(CultureInfo.InvariantCulture),
                data.RegisterCheckValidityMonths.ToString(CultureInfo.InvariantCulture));
        }

        if (data.HygieneCheckIntervalMonths is < 1 or > Hygiene.HygieneRoutines.MaxIntervalMonths)
        {
            throw new JourException(
                ErrorCodes.HygieneIntervalInvalid,
                Hygiene.HygieneRoutines.MaxIntervalMonths.ToString(CultureInfo.InvariantCulture),
                data.HygieneCheckIntervalMonths.ToString(CultureInfo.InvariantCulture));
        }

        lock (_gate.Lock)
        {
            _store.SavePoolSettings(new PoolSettings { RegisterCheckValidityMonths = data.RegisterCheckValidityMonths, HygieneCheckIntervalMonths = data.HygieneCheckIntervalMonths, UpdatedBy = actor.UserId, UpdatedUtc = UtcNow });
        }

        return GetPoolSettings();
    }

    private PoolSettings PoolRules() => _store.LoadPoolSettings() ?? new PoolSettings();

    /// <summary>What a window of this client asks of an assistant beyond competences: a register check when the client is a child that day.</summary>
    private RegisterCheckDemand? RegisterCheckDemandFor(Clients.Client? client, DateTime windowFromUtc) =>
        client is null ? null : RegisterChecks.DemandFor(client.PersonalIdentityNumber, SwedishTime.Today(windowFromUtc), PoolRules().RegisterCheckValidityMonths);

    /// <summary>Every assistant with their deployments and declared (un)availability overlapping [fromUtc, toUtc), by name.</summary>
    public PoolWeek GetPoolWeek(DateTime fromUtc, DateTime toUtc)
    {
        DateTime from = Utc(fromUtc), to = Utc(toUtc);
        if (to <= from || to - from > TimeSpan.FromDays(31))
        {
            throw new JourException(ErrorCodes.PeriodInvalid);
        }

        var deployments = _store.LoadDeployments(from, to).Where(d => d.IsActive && d.Overlaps(from, to)).ToLookup(d => d.AssistantId);
        var clientNames = _store.LoadClients().ToDictionary(c => c.Id, c => c.Name);
        var caseClients = new Dictionary<long, long>();
        string ClientOf(long caseId)
        {
            if (!caseClients.TryGetValue(caseId, out long clientId))
            {
                clientId = _store.FindCase(caseId)?.ClientId ?? 0;
                caseClients[caseId] = clientId;
            }

            return clientNames.GetValueOrDefault(clientId, "?");
        }

        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        var rows = new List<PoolRow>();
        foreach (StandbyAssistant a in _store.LoadStaff().OrderBy(a => a.Name, compare))
        {
            var entries = deployments[a.Id]
                .Select(d => new PoolEntry(PoolEntryKind.Deployment, d.FromUtc, d.ToUtc, d.State, d.CaseId, ClientOf(d.CaseId), d.NeedsReplacement ? Messages.Get("Pool_NeedsReplacement") : ""))
                .Concat(a.Availability.Where(p => p.Overlaps(from, to))
                    .Select(p => new PoolEntry(p.IsAvailable ? PoolEntryKind.Available : PoolEntryKind.Unavailable, p.FromUtc, p.ToUtc, null, 0, "", p.Note)))
                .OrderBy(e => e.FromUtc)
                .ToList();
            double booked = deployments[a.Id].Where(d => d.Covers || d.State == DeploymentState.Proposed || d.State == DeploymentState.Contacted)
                .Sum(d => Clip(d.FromUtc, d.ToUtc, from, to).TotalHours);
            rows.Add(new PoolRow(a.Id, a.Name, a.IsBlocked, Math.Round(booked, 2), a.WeeklyHourLimit, entries));
        }

        return new PoolWeek(from, to, rows);
    }

    /// <summary>Booked and reported hours of every assistant in [fromUtc, toUtc), assistants with none included, most hours first.</summary>
    public IReadOnlyList<AssistantHours> GetDeployedHours(DateTime fromUtc, DateTime toUtc)
    {
        DateTime from = Utc(fromUtc), to = Utc(toUtc);
        if (to <= from || to - from > MaxHoursPeriod)
        {
            throw new JourException(ErrorCodes.PeriodInvalid);
        }

        // A time report may run past its deployment's window, so look a day further for them.
        var byAssistant = _store.LoadDeployments(from - TimeSpan.FromDays(1), to + TimeSpan.FromDays(1)).ToLookup(d => d.AssistantId);
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return
        [
            .. _store.LoadStaff()
                .Select(a =>
                {
                    var own = byAssistant[a.Id].ToList();
                    double booked = own.Where(d => d.Covers || d.State == DeploymentState.Completed).Sum(d => Clip(d.FromUtc, d.ToUtc, from, to).TotalHours);
                    double reported = own.Where(d => d.Report is not null).Sum(d => ReportedWithin(d.Report!, from, to));
                    int count = own.Count(d => (d.Covers || d.State == DeploymentState.Completed) && d.Overlaps(from, to));
                    return new AssistantHours(a.Id, a.Name, Math.Round(booked, 2), Math.Round(reported, 2), count);
                })
                .OrderByDescending(h => h.BookedHours)
                .ThenBy(h => h.Name, compare),
        ];
    }

    /// <summary>The worked hours of a report that fall in [from, to); breaks are taken off in proportion.</summary>
    internal static double ReportedWithin(TimeReport report, DateTime from, DateTime to)
    {
        TimeSpan length = report.EndUtc - report.StartUtc;
        if (length <= TimeSpan.Zero)
        {
            return 0;
        }

        TimeSpan inside = Clip(report.StartUtc, report.EndUtc, from, to);
        return Math.Max(0, (inside - (TimeSpan.FromMinutes(report.BreakMinutes) * (inside / length))).TotalHours);
    }

    private static TimeSpan Clip(DateTime start, DateTime end, DateTime from, DateTime to)
    {
        DateTime s = start > from ? start : from;
        DateTime e = end < to ? end : to;
        return e > s ? e - s : TimeSpan.Zero;
    }

    /// <summary>Checks everything that does not need the store; returns the personnummer as twelve digits, or empty.</summary>
    private string ValidateStaff(StaffData data)
    {
        if (string.IsNullOrWhiteSpace(data.Name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        if (!IsPhoneNumber(data.Phone))
        {
            throw new JourException(ErrorCodes.PhoneInvalid);
        }

        if (data.WeeklyHourLimit is < 0 or > 168)
        {
            throw new JourException(ErrorCodes.HourLimitInvalid);
        }

        if (data.Delegations.FirstOrDefault(d => string.IsNullOrWhiteSpace(d.Task) || string.IsNullOrWhiteSpace(d.IssuedBy) || d.ValidToUtc <= d.ValidFromUtc) is { } badDelegation)
        {
            throw new JourException(ErrorCodes.DelegationInvalid, badDelegation.Task);
        }

        if (data.Availability.FirstOrDefault(p => p.ToUtc <= p.FromUtc) is { } badPeriod)
        {
            throw new JourException(ErrorCodes.AvailabilityInvalid, SwedishTime.FormatLocal(Utc(badPeriod.FromUtc)));
        }

        if (data.KnownClientIds.Intersect(data.ExcludedClientIds).FirstOrDefault() is > 0 and long both)
        {
            throw new JourException(ErrorCodes.ClientKnownAndExcluded, _store.FindClient(both)?.Name ?? both.ToString(CultureInfo.InvariantCulture));
        }

        if (string.IsNullOrWhiteSpace(data.PersonalIdentityNumber))
        {
            return "";
        }

        DateOnly today = DateOnly.FromDateTime(SwedishTime.ToLocal(UtcNow).ToDateTimeUnspecified());
        return PersonalIdentityNumber.TryParse(data.PersonalIdentityNumber, today, out PersonalIdentityNumber number, out IdentityNumberError error)
            ? number.Value
            : throw new JourException(PersonalIdentityNumber.ErrorMessageKey(error));
    }

    private StaffData ToData(StandbyAssistant a) => new(
        a.Id,
        a.Name,
        a.Phone,
        a.PersonalIdentityNumber,
        a.EmploymentForm,
        a.WeeklyHourLimit,
        [.. a.Competences],
        [.. a.Delegations.Select(d => new DelegationData(d.Task, d.IssuedBy, d.ValidFromUtc, d.ValidToUtc))],
        [.. a.Availability.Select(p => new AvailabilityData(p.FromUtc, p.ToUtc, p.IsAvailable, p.Note))],
        [.. a.KnownClientIds],
        [.. a.ExcludedClientIds],
        a.IsBlocked,
        a.Revision,
        RegisterCheckData(a.RegisterChecks));

    private List<RegisterCheckData> RegisterCheckData(IEnumerable<RegisterCheck> checks)
    {
        if (!checks.Any())
        {
            return [];
        }

        var names = UserNames();
        int months = PoolRules().RegisterCheckValidityMonths;
        return
        [
            .. checks.Select(c => (Check: c, Shown: IsoDate.Parse(c.ShownOn)))
                .Where(c => c.Shown is not null)
                .OrderBy(c => c.Shown)
                .Select(c => new RegisterCheckData(c.Shown!.Value, names.GetValueOrDefault(c.Check.CheckedBy, "?"), RegisterChecks.ValidUntil(c.Shown.Value, months))),
        ];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Register check of assistant {AssistantId} recorded by user {UserId}")]
    private partial void LogRegisterCheck(long assistantId, long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Assistant {AssistantId} saved by user {UserId}")]
    private partial void LogStaffSaved(long assistantId, long userId);
}
