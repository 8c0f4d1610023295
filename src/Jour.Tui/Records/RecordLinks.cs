using Jour.Tui.Shell;

namespace Jour.Tui.Records;

/// <summary>What an incident or a complaint can link to, from what the session has loaded (plus a record's own links).</summary>
internal sealed class RecordLinks(SessionData data, (long Id, string Text)? ownCase = null)
{
    public IReadOnlyList<(long Id, string Text)> Clients() =>
        [.. data.Clients.Select(c => (c.Id, $"{c.Name} {c.MaskedNumber[..8]}"))];

    public IReadOnlyList<(long Id, string Text)> Cases()
    {
        var cases = data.Cases.Select(c => (c.Id, $"{c.Number} {c.ClientName}")).ToList();
        if (ownCase is { } own && cases.All(c => c.Id != own.Id))
        {
            cases.Add(own);
        }

        return cases;
    }

    public IReadOnlyList<(long Id, string Text)> Assistants() =>
        [.. data.Staff.Select(s => (s.Id, s.Name))];

    public static (long Id, string Text)? OwnCase(long? caseId, string number, string clientName) =>
        caseId is { } id ? (id, $"{number} {clientName}") : null;

    public static IReadOnlyList<(string Value, string Text)> YesNo(string yes, string no) => [("nej", no), ("ja", yes)];

    public static IReadOnlyList<(string Value, string Text)> Choices<T>(string prefix)
        where T : struct, Enum =>
        [.. Enum.GetValues<T>().Select(v => (v.ToString(), Core.Common.Messages.Get(prefix + v)))];
}
