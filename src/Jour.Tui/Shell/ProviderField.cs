using System.Globalization;
using Jour.Core.Common;
using Jour.Tui.Resources;

namespace Jour.Tui.Shell;

/// <summary>The "provider or self-employer" choice, as the intake and the client form both ask it.</summary>
public static class ProviderField
{
    private const string SelfEmployer = "self";

    public static FormField Create(SessionData session, long? providerId, bool selfEmployer) => new("provider", UiText.Intake_Provider)
    {
        Choices = Choices(session),
        Value = ValueFor(providerId, selfEmployer),
        Validate = v => v.Length == 0 ? Messages.Get(ErrorCodes.ProviderOrSelfEmployer) : null,
    };

    /// <summary>Nothing chosen, every registered provider, then self-employer.</summary>
    public static IReadOnlyList<(string Value, string Text)> Choices(SessionData session) =>
    [
        ("", UiText.Intake_ChooseProvider),
        .. session.Providers.Select(p => (p.Id.ToString(CultureInfo.InvariantCulture), p.Name)),
        (SelfEmployer, Messages.Get("SelfEmployer")),
    ];

    public static string ValueFor(long? providerId, bool selfEmployer) =>
        selfEmployer ? SelfEmployer : providerId?.ToString(CultureInfo.InvariantCulture) ?? "";

    public static bool IsSelfEmployer(FormField field) => field.Value == SelfEmployer;

    /// <summary>The chosen provider's id; null for self-employer or nothing chosen.</summary>
    public static long? ProviderId(FormField field) =>
        field.Value is "" or SelfEmployer ? null : long.Parse(field.Value, CultureInfo.InvariantCulture);
}
