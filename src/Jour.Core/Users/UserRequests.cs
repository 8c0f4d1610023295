using System.Text.Json.Serialization;
using Jour.Core.Common;
using Jour.Core.UseCases;

namespace Jour.Core.Users;

/// <summary>What the sign-in screen offers; asked before anyone has signed in.</summary>
public sealed record GetInstallInfo : IRequest<InstallInfo>;

/// <summary>Signs in; demo users without a PIN may pass an empty one.</summary>
public sealed record SignInUser(long UserId, string Pin) : IRequest<SessionInfo>, ISetsSessionPin
{
    string ISetsSessionPin.SessionPin => Pin;
}

/// <summary>
/// Creates the first admin on a fresh non-demo install and signs them in, with the one-time set-up code
/// shown where the database was created (or issued since by the data directory's owner).
/// </summary>
public sealed record SetUpFirstAdmin(string Name, string Pin, string Code) : IRequest<SessionInfo>, ISetsSessionPin
{
    string ISetsSessionPin.SessionPin => Pin;
}

/// <summary>A new one-time set-up code, replacing any earlier one; for the server's own account only.</summary>
public sealed record IssueSetUpCode : IRequest<string>;

/// <summary>Ends the session's sign-in (switching user); the connection stays for the next one.</summary>
public sealed record SignOut : IRequest<bool>;

/// <summary>Every user, disabled ones last; admins only.</summary>
public sealed record GetUsers : IRequest<IReadOnlyList<UserSummary>>;

/// <summary>The use cases of users and sign-in.</summary>
public static class UserRequests
{
    public static UseCase[] UseCases { get; } =
    [
        UseCase.Of("install-info", UserJson.Default, Access.Anyone, (GetInstallInfo _, RequestContext c) => c.UseCases.GetInstallInfo()),

        // A refusal is answered only after the delay the failure earned (1, 2, 4, 8 s) on the use cases'
        // clock, so guessing is slow whatever the client does.
        UseCase.Of("sign-in", UserJson.Default, Access.Anyone, async (SignInUser r, RequestContext c, CancellationToken ct) =>
            c.Session.SignedIn(await c.UseCases.SignInAsync(r.UserId, r.Pin, ct))),
        UseCase.Of("set-up", UserJson.Default, Access.Anyone, async (SetUpFirstAdmin r, RequestContext c, CancellationToken ct) =>
            c.Session.SignedIn(await c.UseCases.SetUpFirstAdminAsync(r.Name, r.Pin, r.Code, ct))),
        UseCase.Of("issue-set-up-code", UserJson.Default, Access.ServerAccount, (IssueSetUpCode _, RequestContext c) => c.UseCases.IssueSetUpCode()),
        UseCase.Of("sign-out", UserJson.Default, Access.Anyone, (SignOut _, RequestContext c) =>
        {
            if (c.Session.User is { } user)
            {
                c.UseCases.SignOut(user);
            }

            c.Session.SignedOut();
            return true;
        }),
        UseCase.Of("confirm-pin", UserJson.Default, Access.Anyone, (PinCheck r, RequestContext c, CancellationToken ct) => c.UseCases.ConfirmPinAsync(c.Session.User, r, ct)),
        UseCase.Of("users", UserJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.UsersNotPermitted), (GetUsers _, RequestContext c) => c.UseCases.GetUsers(c.Actor)),
        UseCase.Of("add-user", UserJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.UsersNotPermitted), (NewUserRequest r, RequestContext c) => c.UseCases.AddUser(c.Actor, r)),
        UseCase.Of("update-user", UserJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.UsersNotPermitted), (UserUpdate r, RequestContext c) => c.UseCases.UpdateUser(c.Actor, r)),
        UseCase.Of("reset-pin", UserJson.Default, Access.AnyOf(Role.Admin, ErrorCodes.UsersNotPermitted), (PinReset r, RequestContext c) => c.UseCases.ResetPin(c.Actor, r)),
        UseCase.Of("change-own-pin", UserJson.Default, Access.SignedIn, (Func<ChangeOwnPin, RequestContext, CancellationToken, Task<bool>>)ChangeOwnPin.HandleAsync),
    ];
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GetInstallInfo))]
[JsonSerializable(typeof(InstallInfo))]
[JsonSerializable(typeof(SignInUser))]
[JsonSerializable(typeof(SetUpFirstAdmin))]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(IssueSetUpCode))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(SignOut))]
[JsonSerializable(typeof(bool))]
[JsonSerializable(typeof(PinCheck))]
[JsonSerializable(typeof(GetUsers))]
[JsonSerializable(typeof(IReadOnlyList<UserSummary>))]
[JsonSerializable(typeof(NewUserRequest))]
[JsonSerializable(typeof(UserUpdate))]
[JsonSerializable(typeof(PinReset))]
[JsonSerializable(typeof(UserSummary))]
[JsonSerializable(typeof(ChangeOwnPin))]
internal sealed partial class UserJson : JsonSerializerContext;
