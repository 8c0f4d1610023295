using Jour.Core.UseCases;
using Jour.Core.Users;

namespace Jour.Core.Demo;

public static partial class DemoData
{
    /// <summary>The documented PIN of <see cref="PinUserName"/> (README, the demo's sign-in screen).</summary>
    public const string PinUserPin = "1234";

    public const string PinUserName = "Sofia Nyström";

    /// <summary>
    /// One demo officer who signs in with a PIN, as every user of a real database does; the others keep
    /// signing in without one. The hash is fixed (PIN 1234, 600,000 iterations, a fixed salt) so the demo
    /// stays deterministic and seeding costs no key derivation.
    /// </summary>
    private static void SeedPinUser(IJourStore store) =>
        store.AddUser(new User
        {
            Name = PinUserName,
            Roles = Role.OnCallOfficer,
            Phone = "070-555 66 77",
            PinHash = "pbkdf2-sha256$600000$am91ci1kZW1vLXNvZmlhIQ==$uw4gxhkgHHREIB8jvPTQGLeoOM8kHCxnQXmf6zAdHJE=",
        });
}
