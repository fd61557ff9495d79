namespace Dispatch.Server.Auth;

/// <summary>What a caller is; decides which services and whose resources it may use.</summary>
public enum CallerRole
{
    Supermarket,
    Volunteer,
    TruckDriver,
    Planner,
    Admin,
}

/// <summary>The role names used in configuration.</summary>
public static class CallerRoles
{
    private static readonly Dictionary<string, CallerRole> s_byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["supermarket"] = CallerRole.Supermarket,
        ["volunteer"] = CallerRole.Volunteer,
        ["truck-driver"] = CallerRole.TruckDriver,
        ["planner"] = CallerRole.Planner,
        ["admin"] = CallerRole.Admin,
    };

    public static CallerRole? Parse(string name) => s_byName.TryGetValue(name.Trim(), out var role) ? role : null;

    public static string Name(CallerRole role) => s_byName.First(p => p.Value == role).Key;

    /// <summary>Roles that belong to one subject (a supermarket, volunteer or truck) and need its id.</summary>
    public static bool HasSubject(CallerRole role) => role is CallerRole.Supermarket or CallerRole.Volunteer or CallerRole.TruckDriver;
}
