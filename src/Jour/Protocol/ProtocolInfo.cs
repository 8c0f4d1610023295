using System.Reflection;

namespace Jour.Protocol;

/// <summary>Which protocol this build speaks. Bump <see cref="Version"/> on any incompatible change.</summary>
public static class ProtocolInfo
{
    // 2: the on-call rotation replaced the flat shift list (ops on-call…, status with a gap).
    public const int Version = 2;

    /// <summary>Largest frame accepted; a bigger one means a broken or hostile peer.</summary>
    public const int MaxFrameBytes = 64 * 1024 * 1024;

    public static string BuildVersion { get; } =
        typeof(ProtocolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
}
