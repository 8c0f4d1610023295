namespace Jour.Core.Calendars;

/// <summary>
/// One event of an exported calendar. <see cref="Uid"/> is derived from what the event is (a shift, a
/// deployment), never random, so a calendar program that imports the file again updates the event in
/// place instead of adding a copy. Texts are plain: the writer escapes them.
/// </summary>
public sealed record CalendarEvent(string Uid, DateTime StartUtc, DateTime EndUtc, string Summary, string Description = "", string Location = "");
