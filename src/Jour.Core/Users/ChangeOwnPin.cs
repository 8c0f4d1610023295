using Jour.Core.Common;
using Jour.Core.UseCases;

namespace Jour.Core.Users;

/// <summary>
/// The signed-in user changes their own PIN: the current one, then the new one twice. The current PIN is
/// checked as a sign-in is (in the user's turn, after the delay a failure earned, five failures lock), and
/// the new one must follow the same rules as any PIN.
/// </summary>
public sealed record ChangeOwnPin(string CurrentPin, string NewPin, string NewPinAgain) : IRequest<bool>, ISetsSessionPin
{
    string ISetsSessionPin.SessionPin => NewPin;

    internal static async Task<bool> HandleAsync(ChangeOwnPin request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.NewPin != request.NewPinAgain)
        {
            throw new JourException(ErrorCodes.NewPinsDiffer);
        }

        // A new PIN that would be refused costs no attempt of the current one.
        PinRules.Check(request.NewPin);
        SessionInfo me = context.Actor;
        await context.UseCases.ConfirmPinAsync(me, new PinCheck(me.UserId, request.CurrentPin, PinPurpose.Unlock), cancellationToken);
        context.UseCases.ResetPin(me, new PinReset(me.UserId, request.NewPin));
        return true;
    }
}
