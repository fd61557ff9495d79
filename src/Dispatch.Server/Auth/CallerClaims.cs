using System.Security.Claims;

namespace Dispatch.Server.Auth;

/// <summary>A <see cref="Caller"/> as the claims of an authenticated user, and back: how the caller travels from the authentication handler to the services.</summary>
public static class CallerClaims
{
    public const string SubjectType = "dispatch:subject";
    public const string KeyIdType = "dispatch:key";

    public static ClaimsPrincipal ToPrincipal(Caller caller, string authenticationType) => new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Role, CallerRoles.Name(caller.Role)),
            new Claim(SubjectType, caller.SubjectId),
            new Claim(KeyIdType, caller.KeyId),
        ],
        authenticationType));

    /// <summary>The caller of an authenticated user, or null for a user that is not one of ours.</summary>
    public static Caller? FromPrincipal(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true
            || user.FindFirst(ClaimTypes.Role)?.Value is not { } roleName || CallerRoles.Parse(roleName) is not { } role
            || user.FindFirst(SubjectType)?.Value is not { } subject || user.FindFirst(KeyIdType)?.Value is not { } keyId)
        {
            return null;
        }

        return new Caller(role, subject, keyId);
    }
}
