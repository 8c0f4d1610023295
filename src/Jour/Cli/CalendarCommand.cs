using System.Globalization;
using System.Text;
using Jour.Client;
using Jour.Configuration;
using Jour.Core.Calendars;
using Jour.Core.Common;
using Jour.Core.Deployments;
using Jour.Core.Roster;
using Jour.Core.Staff;
using Jour.Resources;
using Jour.Storage;
using NodaTime;

namespace Jour.Cli;

/// <summary>
/// Calendars (RFC 5545) to import or subscribe to: `jour oncall --format ics [--person NAME] [--months N]`
/// (the whole schedule, or one officer's shifts) and `jour deployments --assistant NAME [--months N]` (an
/// assistant's confirmed deployments). From today's local midnight, six months by default. Written to
/// standard output or, with --out, through <see cref="SafeOutput"/> like every other export.
/// </summary>
internal static class CalendarCommand
{
    public const int DefaultMonths = 6;

    public const int MaxMonths = 24;

    public static async Task<int> OnCallAsync(JourPaths paths, string? person, int months, string? outFile, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        (DateTime from, DateTime to) = Period(months);
        FollowUpCommands.RefuseEarly(paths, outFile, force);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        OfficerSummary? officer = null;
        if (person is not null)
        {
            var officers = await service.SendAsync(new GetOfficers(), cancellationToken);
            officer = ByName(officers, o => o.Name, person);
        }

        IReadOnlyList<OnCallSlot> slots = await service.SendAsync(new GetOnCall(from, to), cancellationToken);
        if (officer is not null)
        {
            slots = [.. slots.Where(s => s.OfficerId == officer.Id)];
        }

        await WriteAsync(paths, ShiftCalendar.OnCall(slots, officer?.Name, DateTime.UtcNow), outFile, force, output);
        return 0;
    }

    public static async Task<int> DeploymentsAsync(JourPaths paths, string assistant, int months, string? outFile, bool force, TextWriter output, CancellationToken cancellationToken)
    {
        (DateTime from, DateTime to) = Period(months);
        FollowUpCommands.RefuseEarly(paths, outFile, force);
        using SocketJourService service = await CliSession.OpenAsync(paths, cancellationToken);
        var staff = await service.SendAsync(new GetStaff(), cancellationToken);
        StaffSummary who = ByName(staff, s => s.Name, assistant);
        var deployments = await service.SendAsync(new GetAssistantDeployments(who.Id, from, to), cancellationToken);
        await WriteAsync(paths, ShiftCalendar.Deployments(deployments, who.Name, DateTime.UtcNow), outFile, force, output);
        return 0;
    }

    /// <summary>From today's local midnight to the same date <paramref name="months"/> months on.</summary>
    internal static (DateTime From, DateTime To) Period(int months)
    {
        if (months is < 1 or > MaxMonths)
        {
            throw new CliException(Error(Format(CliText.Calendar_MonthsInvalid, months, MaxMonths)));
        }

        LocalDate today = SwedishTime.ToLocal(DateTime.UtcNow).Date;
        return (SwedishTime.ToUtcLenient(today.AtMidnight()), SwedishTime.ToUtcLenient(today.PlusMonths(months).AtMidnight()));
    }

    /// <summary>The one whose name is <paramref name="name"/> (any case), else the one whose name holds it; refused when none or several.</summary>
    internal static T ByName<T>(IReadOnlyList<T> people, Func<T, string> nameOf, string name)
    {
        string wanted = name.Trim();
        var exact = people.Where(p => string.Equals(nameOf(p), wanted, StringComparison.CurrentCultureIgnoreCase)).ToList();
        var found = exact.Count > 0 ? exact : [.. people.Where(p => nameOf(p).Contains(wanted, StringComparison.CurrentCultureIgnoreCase))];
        return found.Count switch
        {
            1 => found[0],
            0 => throw new CliException(Error(Format(CliText.Calendar_NameNotFound, wanted))),
            _ => throw new CliException(Error(Format(CliText.Calendar_NameAmbiguous, wanted, string.Join(", ", found.Select(nameOf))))),
        };
    }

    private static async Task WriteAsync(JourPaths paths, string ics, string? outFile, bool force, TextWriter output)
    {
        if (!string.IsNullOrWhiteSpace(outFile))
        {
            SafeOutput.WriteText(outFile, paths.DataDirectory, force, ics, new UTF8Encoding(false));
            return;
        }

        await output.WriteAsync(ics);
        await output.FlushAsync();
    }

    private static string Error(string message) => Format(CliText.Cli_Error, message);

    private static string Format(string template, params object[] args) => string.Format(CultureInfo.CurrentCulture, template, args);
}
