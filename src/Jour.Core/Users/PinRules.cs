using Jour.Core.Common;

namespace Jour.Core.Users;

/// <summary>What a PIN must be: at least 4 digits, or a password of at least 8 characters.</summary>
public static class PinRules
{
    public static void Check(string pin)
    {
        TextLimits.Pin.Check(pin);
        if (pin.Length < 4 || (!pin.All(char.IsAsciiDigit) && pin.Length < 8))
        {
            throw new JourException(ErrorCodes.PinTooShort);
        }
    }
}
