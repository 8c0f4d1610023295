using Jour.Core.Changes;
using Jour.Core.Common;
using Jour.Core.Users;
using Microsoft.Extensions.Logging;

namespace Jour.Core.UseCases;

/// <summary>
/// Creating the first admin of a new database: only with the one-time set-up code that was shown to whoever
/// created the database (or that the data directory's owner issued since), never by whoever reaches the socket first.
/// </summary>
public sealed partial class JourUseCases
{
    /// <summary>
    /// The throttle record counting wrong set-up codes. User ids start at 1, so this one is nobody's and is
    /// kept with the users' own records (a restart does not reset it).
    /// </summary>
    internal const long SetUpThrottleId = -1;

    /// <summary>
    /// Makes a new set-up code and stores only its hash, replacing any earlier code and lifting a lock earned
    /// by wrong codes. Refused once an admin exists. The caller shows the code to the one person it is for;
    /// it is never logged.
    /// </summary>
    /// <returns>The code, to be shown once.</returns>
    public string IssueSetUpCode()
    {
        string code = SetUpCode.Generate();
        string hash = SetUpCode.Hash(code);
        lock (_gate.Lock)
        {
            if (_store.LoadUsers().Count > 0)
            {
                throw new JourException(ErrorCodes.SetupAlreadyDone);
            }

            _store.SaveSetUpCodeHash(hash);
            _store.DeleteSignInThrottle(SetUpThrottleId);
        }

        Wrote();
        LogSetUpCodeIssued();
        return code;
    }

    /// <summary>
    /// <see cref="SetUpFirstAdminAsync"/> without waiting for the attempt's turn or a failure's delay (in-process
    /// callers and tests); a wrong code still counts towards the lock.
    /// </summary>
    public SessionInfo SetUpFirstAdmin(string name, string pin, string code)
    {
        CheckSetUpInput(name, pin, code);
        SetUpAttempt attempt = ReserveSetUpAttempt(waitForTurn: false);
        return CompleteSetUp(attempt, name, pin, code);
    }

    /// <summary>
    /// Creates the first admin and signs them in when <paramref name="code"/> is the current set-up code. Each
    /// attempt is counted before the code is compared, as a sign-in is: a wrong code is answered after 1, 2, 4,
    /// 8 s and five in a row lock set-up for 15 minutes (doubling), so the code cannot be guessed online. The
    /// code is consumed by the success.
    /// </summary>
    public async Task<SessionInfo> SetUpFirstAdminAsync(string name, string pin, string code, CancellationToken cancellationToken)
    {
        CheckSetUpInput(name, pin, code);
        SetUpAttempt attempt = ReserveSetUpAttempt(waitForTurn: true);
        TimeSpan wait = attempt.TurnUtc - UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken);
        }

        try
        {
            return CompleteSetUp(attempt, name, pin, code);
        }
        catch (JourException ex) when (ex.Code is ErrorCodes.SetUpCodeWrong or ErrorCodes.SetUpLocked)
        {
            TimeSpan earned = attempt.AnswerAfterFailureUtc - UtcNow;
            if (earned > TimeSpan.Zero)
            {
                await Task.Delay(earned, _time, cancellationToken);
            }

            throw;
        }
    }

    private static void CheckSetUpInput(string name, string pin, string code)
    {
        TextLimits.SetUpCode.Check(code);
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new JourException(ErrorCodes.NameRequired);
        }

        TextLimits.Name.Check(name);
        PinRules.Check(pin);
    }

    private SetUpAttempt ReserveSetUpAttempt(bool waitForTurn)
    {
        DateTime now = UtcNow;
        lock (_gate.Lock)
        {
            if (_store.LoadUsers().Count > 0)
            {
                throw new JourException(ErrorCodes.SetupAlreadyDone);
            }

            if (_store.LoadSetUpCodeHash() is null)
            {
                throw new JourException(ErrorCodes.SetUpCodeMissing);
            }

            SignInThrottle throttle = _store.FindSignInThrottle(SetUpThrottleId) ?? new SignInThrottle { Id = SetUpThrottleId };
            if (SignInPolicy.IsLocked(throttle, now))
            {
                return new SetUpAttempt(now, now + SignInPolicy.LongestDelay, LockedUntilUtc: throttle.LockedUntilUtc);
            }

            DateTime turn = SignInPolicy.Reserve(throttle, now, waitForTurn);
            _store.SaveSignInThrottle(throttle);
            TimeSpan delay = throttle.NextAttemptUtc - turn;
            return new SetUpAttempt(turn, turn + (delay < SignInPolicy.LongestDelay ? delay : SignInPolicy.LongestDelay), LockedUntilUtc: null);
        }
    }

    private SessionInfo CompleteSetUp(SetUpAttempt attempt, string name, string pin, string code)
    {
        if (attempt.LockedUntilUtc is { } until)
        {
            LogSetUpRefused();
            throw new JourException(ErrorCodes.SetUpLocked, SwedishTime.FormatLocal(until));
        }

        string? stored = _store.LoadSetUpCodeHash();
        if (!SetUpCode.Verify(code, stored))
        {
            // Counted as a failure when it was reserved.
            LogSetUpRefused();
            throw new JourException(ErrorCodes.SetUpCodeWrong);
        }

        // Hashed outside the write gate: 600,000 iterations would hold up every other session's save.
        string pinHash = PinHasher.Hash(pin, PinIterations);
        User admin;
        lock (_gate.Lock)
        {
            // Two right answers at once: the first takes the code, the second finds an admin.
            if (_store.LoadUsers().Count > 0)
            {
                throw new JourException(ErrorCodes.SetupAlreadyDone);
            }

            if (_store.LoadSetUpCodeHash() != stored)
            {
                // A new code was issued meanwhile: the one typed is no longer the current one.
                throw new JourException(ErrorCodes.SetUpCodeWrong);
            }

            admin = _store.AddFirstAdmin(new User
            {
                Name = name.Trim(),
                Roles = Role.Admin | Role.OnCallOfficer | Role.Coordinator,
                PinHash = pinHash,
            });
            _store.DeleteSignInThrottle(SetUpThrottleId);
        }

        LogFirstAdminCreated(admin.Id);
        Published(new ChangeNotice(ChangeKind.User, admin.Id));
        return new SessionInfo(admin.Id, admin.Name, admin.Roles, _store.IsDemo);
    }

    private readonly record struct SetUpAttempt(DateTime TurnUtc, DateTime AnswerAfterFailureUtc, DateTime? LockedUntilUtc);

    [LoggerMessage(Level = LogLevel.Information, Message = "A new set-up code was issued (its hash stored)")]
    private partial void LogSetUpCodeIssued();

    [LoggerMessage(Level = LogLevel.Warning, Message = "First-admin set-up refused: wrong or locked set-up code")]
    private partial void LogSetUpRefused();

    [LoggerMessage(Level = LogLevel.Information, Message = "First admin {UserId} created with the set-up code")]
    private partial void LogFirstAdminCreated(long userId);
}
