using Jour.Core.Cases;

namespace Jour.Core.Generation;

/// <summary>
/// A believable spread of closing reasons for generated and demo cases, most of them the provider taking
/// the assistance back. Taken from the instant of the hand-back, not from a random sequence, so adding it
/// left every other generated value as it was.
/// </summary>
internal static class TypicalClosing
{
    public static ClosingReason At(DateTime handedBackUtc) => (handedBackUtc.Ticks / TimeSpan.TicksPerMinute % 20) switch
    {
        < 11 => ClosingReason.ProviderResumed,
        < 15 => ClosingReason.NewProvider,
        < 17 => ClosingReason.OtherSupport,
        17 => ClosingReason.Hospital,
        18 => ClosingReason.ClientDeclined,
        _ => ClosingReason.Deceased,
    };
}
