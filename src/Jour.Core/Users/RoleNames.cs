namespace Jour.Core.Users;

/// <summary>The Swedish role words used on the command line and in the users screen.</summary>
public static class RoleNames
{
    private static readonly (Role Role, string Name)[] s_names =
    [
        (Role.OnCallOfficer, "jourhavande"),
        (Role.Coordinator, "samordnare"),
        (Role.MedicalResponsible, "mas"),
        (Role.Finance, "ekonomi"),
        (Role.Admin, "admin"),
    ];

    public static IReadOnlyList<Role> All { get; } = [.. s_names.Select(n => n.Role)];

    public static string Name(Role role) => s_names.First(n => n.Role == role).Name;

    /// <summary>"jourhavande,admin"; empty for none.</summary>
    public static string Format(Role roles) =>
        string.Join(",", s_names.Where(n => roles.HasFlag(n.Role)).Select(n => n.Name));

    /// <summary>Parses a comma-separated list ("jourhavande, admin"; "mar" for MAS/MAR too); null when a word is unknown.</summary>
    public static Role? Parse(string text)
    {
        Role roles = Role.None;
        foreach (string word in text.Split([',', ' ', '+'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            string lower = word.ToLowerInvariant();
            lower = lower is "mar" or "mas/mar" ? "mas" : lower;
            var match = s_names.FirstOrDefault(n => n.Name == lower);
            if (match.Name is null)
            {
                return null;
            }

            roles |= match.Role;
        }

        return roles;
    }
}
