using System.Globalization;

namespace Jour.Native;

/// <summary>
/// Users and groups from /etc/passwd and /etc/group, read when asked so that adding an officer to the
/// group takes effect without restarting the server. (Directory services such as LDAP are not consulted:
/// name them by uid in jour.json, or give the peer the group as its primary group.)
/// </summary>
internal static class UnixAccounts
{
    private const string PasswdFile = "/etc/passwd";
    private const string GroupFile = "/etc/group";

    /// <summary>A user named by name or number: its uid, or null when unknown.</summary>
    public static int? UserId(string nameOrId)
    {
        if (int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out int uid))
        {
            return uid;
        }

        return Passwd().FirstOrDefault(e => e.Name == nameOrId) is { Name: not null } found ? found.Id : null;
    }

    /// <summary>A group named by name or number: its gid, or null when unknown.</summary>
    public static int? GroupId(string nameOrId)
    {
        if (int.TryParse(nameOrId, NumberStyles.None, CultureInfo.InvariantCulture, out int gid))
        {
            return gid;
        }

        return Groups().FirstOrDefault(e => e.Name == nameOrId) is { Name: not null } found ? found.Id : null;
    }

    /// <summary>True when the user's primary group is <paramref name="gid"/> or the group lists the user as a member.</summary>
    public static bool IsMember(int uid, int gid)
    {
        foreach ((string name, int id, int primaryGid) in Passwd())
        {
            if (id == uid)
            {
                return primaryGid == gid || Groups().Any(g => g.Id == gid && g.Members.Contains(name));
            }
        }

        return false;
    }

    private static IEnumerable<(string Name, int Id, int PrimaryGid)> Passwd()
    {
        foreach (string[] fields in Lines(PasswdFile))
        {
            if (fields.Length >= 4
                && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int uid)
                && int.TryParse(fields[3], NumberStyles.None, CultureInfo.InvariantCulture, out int gid))
            {
                yield return (fields[0], uid, gid);
            }
        }
    }

    private static IEnumerable<(string Name, int Id, string[] Members)> Groups()
    {
        foreach (string[] fields in Lines(GroupFile))
        {
            if (fields.Length >= 3 && int.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out int gid))
            {
                string[] members = fields.Length >= 4 ? fields[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
                yield return (fields[0], gid, members);
            }
        }
    }

    private static IEnumerable<string[]> Lines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (string line in File.ReadLines(path))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line.Split(':');
            }
        }
    }
}
