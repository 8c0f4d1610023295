using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>Sign-in with throttling, the PIN asked again (idle lock, kiosk quit), and managing users.</summary>
public sealed partial class JourUseCases
{
    private string? _dummyHash;

    /// <summary>
    /// PBKDF2 iterations for new hashes. Only tests lower it (the property is internal): 600,000 costs a
    /// few hundred milliseconds per hash. A stored hash with fewer iterations is rehashed on the next sign-in.
    /// </summary>
    internal int PinIterations { get; init; } = PinHasher.DefaultIterations;

    /// <summary>
    /// Signs in as sessions do: the attempt is counted first, then waits for the user's turn (the delay
    /// earned by earlier failures, from any connection), then the PIN is compared. A refusal is answered
    /// after the delay this failure earned.
    /// </summary>
    public async Task<SessionInfo> SignInAsync(long userId, string pin, CancellationToken cancellationToken)
    {
        User user = await AuthenticateInTurnAsync(userId, pin, cancellationToken);
        LogSignedIn(user.Id);
        return new SessionInfo(user.Id, user.Name, user.Roles, _store.IsDemo);
    }

    /// <summary><see cref="ConfirmPin"/> with the user's turn waited for, as <see cref="SignInAsync"/>.</summary>
    public async Task<bool> ConfirmPinAsync(SessionInfo? actor, PinCheck check, CancellationToken cancellationToken)
    {
        User user = await AuthenticateInTurnAsync(check.UserId, check.Pin, cancellationToken);
        return Confirmed(actor, check, user);
    }

    private async Task<User> AuthenticateInTurnAsync(long userId, string pin, CancellationToken cancellationToken)
    {
        SignInAttempt attempt = ReserveAttempt(userId, waitForTurn: true);
        TimeSpan wait = attempt.TurnUtc - UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        try
        {
            return CompareAttempt(attempt, userId, pin);
        }
        catch (JourException ex) when (ex.Code == ErrorCodes.SignInFailed)
        {
            TimeSpan earned = attempt.AnswerAfterFailureUtc - UtcNow;
            if (earned > TimeSpan.Zero)
            {
                await Task.Delay(earned, _time, cancellationToken);
            }

            throw;
        }
    }

    /// <summary>
    /// Checks a PIN at once, without waiting for the user's turn (in-process callers; sessions go through
    /// <see cref="SignInAsync"/>). Unknown, disabled and locked users and a wrong PIN are refused alike, with
    /// <see cref="ErrorCodes.SignInFailed"/> and about the same time spent (the PIN is hashed anyway).
    /// </summary>
    private User Authenticate(long userId, string pin) => CompareAttempt(ReserveAttempt(userId, waitForTurn: false), userId, pin);

    /// <summary>
    /// Checking the lock and counting the attempt are one step under the write gate, before any PIN is
    /// compared: twelve attempts sent at once get exactly five comparisons, the rest find the user locked.
    /// </summary>
    private SignInAttempt ReserveAttempt(long userId, bool waitForTurn)
    {
        DateTime now = UtcNow;
        bool locked = false;
        SignInAttempt attempt;
        lock (_gate.Lock)
        {
            User? user = _store.LoadUsers().FirstOrDefault(u => u.Id == userId);
            DateTime unknownAnswer = now + SignInPolicy.DelayAfterFailure(null, now);
            if (user is not { IsDisabled: false })
            {
                return new SignInAttempt(null, now, Counted: false, unknownAnswer);
            }

            if (user.PinHash.Length == 0)
            {
                // Nothing to guess: a demo user without a PIN signs in, on a real database such a user cannot.
                return new SignInAttempt(user, now, Counted: false, unknownAnswer);
            }

            SignInThrottle throttle = _store.FindSignInThrottle(user.Id) ?? new SignInThrottle { Id = user.Id };
            if (SignInPolicy.IsLocked(throttle, now))
            {
                return new SignInAttempt(null, now, Counted: false, now + SignInPolicy.LongestDelay);
            }

            DateTime turn = SignInPolicy.Reserve(throttle, now, waitForTurn);
            _store.SaveSignInThrottle(throttle);
            locked = SignInPolicy.IsLocked(throttle, turn);
            TimeSpan delay = throttle.NextAttemptUtc - turn;
            attempt = new SignInAttempt(user, turn, Counted: true, turn + (delay < SignInPolicy.LongestDelay ? delay : SignInPolicy.LongestDelay));
        }

        if (locked)
        {
            LogSignInLocked(userId);
        }

        return attempt;
    }

    private User CompareAttempt(SignInAttempt attempt, long userId, string pin)
    {
        User? user = attempt.User;
        bool ok;
        if (user is not null && user.PinHash.Length == 0)
        {
            ok = _store.IsDemo;
        }
        else
        {
            bool match = PinHasher.Verify(pin, user is not null ? user.PinHash : DummyHash());
            ok = user is not null && match;
        }

        if (!ok)
        {
            // A counted attempt was recorded as a failure when it was reserved.
            LogSignInFailed(userId);
            throw new JourException(ErrorCodes.SignInFailed);
        }

        if (attempt.Counted || (user!.PinHash.Length > 0 && PinHasher.IterationsOf(user.PinHash) < PinIterations))
        {
            lock (_gate.Lock)
            {
                _store.DeleteSignInThrottle(user!.Id);
                if (user.PinHash.Length > 0 && PinHasher.IterationsOf(user.PinHash) < PinIterations)
                {
                    user.PinHash = PinHasher.Hash(pin, PinIterations);
                    _store.SaveUser(user);
                    LogPinRehashed(user.Id);
                }
            }
        }

        return user!;
    }

    private string DummyHash() => _dummyHash ??= PinHasher.Hash("not-a-pin", PinIterations);

    public void SignOut(SessionInfo actor) => LogSignedOut(actor.UserId);

    /// <summary>
    /// The PIN asked again: to unlock the idle lock of <paramref name="actor"/>'s session (that user or an
    /// admin) or to leave kiosk mode (an admin; also from the sign-in screen, where nobody is signed in).
    /// Counts towards the sign-in lock like any failed sign-in.
    /// </summary>
    public bool ConfirmPin(SessionInfo? actor, PinCheck check) => Confirmed(actor, check, Authenticate(check.UserId, check.Pin));

    private bool Confirmed(SessionInfo? actor, PinCheck check, User user)
    {
        bool admin = user.Roles.HasFlag(Role.Admin);
        bool allowed = check.Purpose switch
        {
            PinPurpose.Unlock => actor is not null && (user.Id == actor.UserId || admin),
            _ => admin,
        };
        if (!allowed)
        {
            LogSignInFailed(check.UserId);
            throw new JourException(ErrorCodes.SignInFailed);
        }

        LogPinConfirmed(actor?.UserId ?? 0, check.Purpose, user.Id);
        return true;
    }

    public IReadOnlyList<UserSummary> GetUsers(SessionInfo actor)
    {
        DateTime now = UtcNow;
        var compare = StringComparer.Create(SwedishCulture.Instance, false);
        return
        [
            .. _store.LoadUsers()
                .OrderBy(u => u.IsDisabled)
                .ThenBy(u => u.Name, compare)
                .Select(u => Summary(u, now)),
        ];
    }

    public UserSummary AddUser(SessionInfo actor, NewUserRequest request)
    {
        InputLimits.Check(request);
        string name = request.Name.Trim();
        if (name.Length == 0)
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        if (request.Roles == Role.None)
        {
            throw new JourException(ErrorCodes.RolesRequired);
        }

        PinRules.Check(request.Pin);
        string hash = PinHasher.Hash(request.Pin, PinIterations);
        User user;
        lock (_gate.Lock)
        {
            if (_store.LoadUsers().Any(u => string.Equals(u.Name, name, StringComparison.CurrentCultureIgnoreCase)))
            {
                throw new JourException(ErrorCodes.UserNameTaken, name);
            }

            user = _store.AddUser(new User { Name = name, Phone = request.Phone.Trim(), Roles = request.Roles, PinHash = hash });
        }

        LogUserAdded(actor.UserId, user.Id, user.Roles);
        Published(new ChangeNotice(ChangeKind.User, user.Id));
        return Summary(user, UtcNow);
    }

    public UserSummary UpdateUser(SessionInfo actor, UserUpdate update)
    {
        if (update.Roles == Role.None)
        {
            throw new JourException(ErrorCodes.RolesRequired);
        }

        if (update.IsDisabled && update.Id == actor.UserId)
        {
            throw new JourException(ErrorCodes.DisableSelf);
        }

        User user;
        lock (_gate.Lock)
        {
            var users = _store.LoadUsers();
            user = users.FirstOrDefault(u => u.Id == update.Id) ?? throw new JourException(ErrorCodes.UserNotFound);
            bool staysAdmin = update.Roles.HasFlag(Role.Admin) && !update.IsDisabled;
            if (!staysAdmin && !users.Any(u => u.Id != user.Id && u.Roles.HasFlag(Role.Admin) && !u.IsDisabled))
            {
                throw new JourException(ErrorCodes.LastAdmin);
            }

            user.Roles = update.Roles;
            user.IsDisabled = update.IsDisabled;
            _store.SaveUser(user);
            if (update.LiftLock)
            {
                _store.DeleteSignInThrottle(user.Id);
            }
        }

        LogUserChanged(actor.UserId, user.Id, user.Roles, user.IsDisabled);
        Published(new ChangeNotice(ChangeKind.User, user.Id));
        return Summary(user, UtcNow);
    }

    /// <summary>Sets a new PIN and lifts a sign-in lock.</summary>
    public UserSummary ResetPin(SessionInfo actor, PinReset reset)
    {
        PinRules.Check(reset.Pin);
        string hash = PinHasher.Hash(reset.Pin, PinIterations);
        User user;
        lock (_gate.Lock)
        {
            user = _store.LoadUsers().FirstOrDefault(u => u.Id == reset.UserId) ?? throw new JourException(ErrorCodes.UserNotFound);
            user.PinHash = hash;
            _store.SaveUser(user);
            _store.DeleteSignInThrottle(user.Id);
        }

        LogPinReset(actor.UserId, user.Id);
        Published(new ChangeNotice(ChangeKind.User, user.Id));
        return Summary(user, UtcNow);
    }

    private UserSummary Summary(User u, DateTime now) =>
        new(u.Id, u.Name, u.Phone, u.Roles, u.IsDisabled, u.PinHash.Length > 0, SignInPolicy.IsLocked(_store.FindSignInThrottle(u.Id), now));

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} signed out")]
    private partial void LogSignedOut(long userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of user id {UserId} locked after repeated failures")]
    private partial void LogSignInLocked(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "PIN hash of user {UserId} upgraded to the current iteration count")]
    private partial void LogPinRehashed(long userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Session of user {UserId}: {Purpose} confirmed by user {ConfirmedBy}")]
    private partial void LogPinConfirmed(long userId, PinPurpose purpose, long confirmedBy);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} added by {ActorId} with roles {Roles}")]
    private partial void LogUserAdded(long actorId, long userId, Role roles);

    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserId} changed by {ActorId}: roles {Roles}, disabled {Disabled}")]
    private partial void LogUserChanged(long actorId, long userId, Role roles, bool disabled);

    [LoggerMessage(Level = LogLevel.Information, Message = "PIN of user {UserId} reset by {ActorId}")]
    private partial void LogPinReset(long actorId, long userId);
}
