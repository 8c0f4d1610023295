using System.Text.Json;

namespace Jour.EndToEnd.Tests;

/// <summary>`jour oncall` as a phone switch or a script calls it, on the fall-back night.</summary>
public sealed class OnCallTests : IDisposable
{
    private readonly JourInstall _jour = new();

    public void Dispose() => _jour.Dispose();

    [Fact]
    public void AmbiguousTime_IsRefusedNamingBothOffsets_AndAnsweredWhenWrittenWithOne()
    {
        (int code, string output, string err) = _jour.Run("oncall", "--at", "2026-10-25 02:30");

        Assert.True(code != 0, output);
        Assert.Contains("+01:00", err, StringComparison.Ordinal);
        Assert.Contains("+02:00", err, StringComparison.Ordinal);
        Assert.Equal("", output);

        (code, output, err) = _jour.Run("oncall", "--at", "2026-10-25 02:30+01:00");

        Assert.True(code == 0, err);
        Assert.StartsWith("Jour 2026-10-25 02:30+01:00: ", output, StringComparison.Ordinal);
        Assert.Contains("Nästa: ", output, StringComparison.Ordinal);

        (code, output, err) = _jour.Run("oncall", "--at", "2026-10-25 02:30+02:00", "--format", "json");
        Assert.True(code == 0, err);
        using JsonDocument json = JsonDocument.Parse(output);
        Assert.Equal("2026-10-25T02:30:00+02:00", json.RootElement.GetProperty("at").GetString());
        Assert.False(string.IsNullOrEmpty(json.RootElement.GetProperty("onCall").GetProperty("phone").GetString()));
        Assert.Equal("2026-10-25T07:00:00+01:00", json.RootElement.GetProperty("nextFrom").GetString());
    }

    [Fact]
    public void SkippedTime_IsRefused_AndNobodyOnCall_ExitsWithOne()
    {
        (int code, _, string err) = _jour.Run("oncall", "--at", "2026-03-29 02:30");
        Assert.Equal(2, code);
        Assert.Contains("finns inte", err, StringComparison.Ordinal);

        // The demo rotation starts in January 2026.
        (code, string output, err) = _jour.Run("oncall", "--at", "2025-06-01 12:00");
        Assert.True(code == 1, err);
        Assert.Contains("Ingen har jour", output, StringComparison.Ordinal);
    }
}
