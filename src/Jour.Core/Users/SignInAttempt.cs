using Jour.Core.Users;

namespace Jour.Core.Users;

/// <summary>
/// One reserved sign-in attempt: the user to compare against (null: unknown, disabled or locked, compared
/// against a dummy hash and refused), when it may be compared, whether it was counted as a failure, and
/// until when the answer waits if it fails (the delay this attempt earned, not one earned by later ones).
/// </summary>
internal readonly record struct SignInAttempt(User? User, DateTime TurnUtc, bool Counted, DateTime AnswerAfterFailureUtc);
