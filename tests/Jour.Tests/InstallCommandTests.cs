using Jour.Cli;

namespace Jour.Tests;

/// <summary>The systemd unit of the real installation; the rest of `jour install --system` is tried end to end (SystemInstallTests).</summary>
public sealed class InstallCommandTests
{
    [Fact]
    public void Unit_OfTheMachinesOwnRoot_HasSystemdMakeTheSocketDirectory_AndWritesOnlyTheDataDirectory()
    {
        var options = new InstallOptions("/", null, null, "jour", "jour", Demo: false, DryRun: false, NoStart: false);

        string unit = InstallCommand.Unit(InstallCommand.Layout.For(options), options);

        Assert.Contains("User=jour\nGroup=jour\n", unit, StringComparison.Ordinal);
        Assert.Contains("ExecStart=/opt/jour/jour server --data-dir /var/lib/jour\n", unit, StringComparison.Ordinal);
        Assert.Contains("RuntimeDirectory=jour\nRuntimeDirectoryMode=0750\n", unit, StringComparison.Ordinal);
        Assert.Contains("ReadWritePaths=/var/lib/jour\n", unit, StringComparison.Ordinal);
        foreach (string hardening in new[] { "NoNewPrivileges=yes", "ProtectSystem=strict", "PrivateTmp=yes", "RestrictAddressFamilies=AF_UNIX", "CapabilityBoundingSet=\n" })
        {
            Assert.Contains(hardening, unit, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Unit_WithTheSocketOutsideRun_LetsTheServerWriteThere_WithoutARuntimeDirectory()
    {
        var options = new InstallOptions("/", "/srv/jour", "/srv/jour-socket", "jour", "jour", Demo: false, DryRun: false, NoStart: false);

        string unit = InstallCommand.Unit(InstallCommand.Layout.For(options), options);

        Assert.DoesNotContain("RuntimeDirectory", unit, StringComparison.Ordinal);
        Assert.Contains("ReadWritePaths=/srv/jour /srv/jour-socket\n", unit, StringComparison.Ordinal);
    }
}
