using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;

namespace Dispatch.Server.Auth;

/// <summary>
/// Who is calling, as proven by an API key. Services ask it one question per resource instead of
/// looking at keys or roles themselves.
/// </summary>
public sealed record Caller(CallerRole Role, string SubjectId, string KeyId)
{
    /// <summary>The caller when Auth:Enabled is false: may do everything, holds no stream quota.</summary>
    public static Caller Unrestricted { get; } = new(CallerRole.Admin, "", "");

    public bool IsUnrestricted => KeyId.Length == 0;

    /// <summary>Acting for a supermarket (storing its orders): that supermarket's own key, or admin.</summary>
    public void EnsureSupermarket(string supermarketId)
    {
        if (Role == CallerRole.Admin || (Role == CallerRole.Supermarket && string.Equals(SubjectId, supermarketId, StringComparison.Ordinal)))
        {
            return;
        }

        throw new PermissionDeniedException(Role == CallerRole.Supermarket
            ? $"this key acts for supermarket '{SubjectId}', not '{IdText.Quote(supermarketId)}'"
            : $"a {CallerRoles.Name(Role)} key may not act for a supermarket");
    }

    /// <summary>
    /// Acting as a volunteer (reporting their stops): their own key, or admin. With <paramref name="staffMayAct"/>,
    /// planners may act too (reading a route, marking someone unavailable).
    /// </summary>
    public void EnsureVolunteer(string volunteerId, bool staffMayAct = false) =>
        EnsureSubject(CallerRole.Volunteer, "volunteer", volunteerId, staffMayAct);

    /// <summary>Acting as a truck's driver: their own key, or admin; with <paramref name="staffMayAct"/> planners too.</summary>
    public void EnsureTruck(string truckId, bool staffMayAct = false) =>
        EnsureSubject(CallerRole.TruckDriver, "truck", truckId, staffMayAct);

    private void EnsureSubject(CallerRole role, string what, string id, bool staffMayAct)
    {
        if (Role == CallerRole.Admin || (staffMayAct && Role == CallerRole.Planner)
            || (Role == role && string.Equals(SubjectId, id, StringComparison.Ordinal)))
        {
            return;
        }

        throw new PermissionDeniedException(Role == role
            ? $"this key is {what} '{SubjectId}', not '{IdText.Quote(id)}'"
            : $"a {CallerRoles.Name(Role)} key may not act as a {what}");
    }

    /// <summary>Reading a supermarket's orders: its own key, planners and admins.</summary>
    public bool SeesSupermarket(string supermarketId) =>
        Role is CallerRole.Planner or CallerRole.Admin
        || (Role == CallerRole.Supermarket && string.Equals(SubjectId, supermarketId, StringComparison.Ordinal));

    /// <summary>
    /// Handed a household's proof code and access token: the owning supermarket's key (which sends them to the
    /// household with its order confirmation) and admin; planners see orders but never the proof of their delivery.
    /// </summary>
    public bool GetsHouseholdProof(string supermarketId) =>
        Role == CallerRole.Admin
        || (Role == CallerRole.Supermarket && string.Equals(SubjectId, supermarketId, StringComparison.Ordinal));

    /// <summary>
    /// The supermarket filter a listing must use: a supermarket key sees only its own orders (an empty filter
    /// becomes its own id, another id is refused); planners and admins keep what they asked for.
    /// </summary>
    public string? SupermarketFilter(string? requested)
    {
        if (Role != CallerRole.Supermarket)
        {
            return requested;
        }

        if (requested is not null && !string.Equals(requested, SubjectId, StringComparison.Ordinal))
        {
            throw new PermissionDeniedException($"this key may list only the orders of supermarket '{SubjectId}'");
        }

        return SubjectId;
    }
}
