using Dispatch.Domain.Geography;

namespace Dispatch.Domain.People;

/// <summary>A resident household, the receiver of orders.</summary>
/// <param name="Floor">1 is the ground floor; stairs are climbed for floors above it when there is no elevator.</param>
public sealed record Household(
    string Id,
    string GridId,
    string Building,
    string Unit,
    int Floor,
    bool HasElevator,
    GeoPoint Location,
    RiskLevel RiskLevel,
    Vulnerability Vulnerabilities)
{
    public bool IsVulnerable => Vulnerabilities != Vulnerability.None;

    /// <summary>High-risk and vulnerable households get their goods at the door.</summary>
    public bool NeedsDoorDelivery => RiskLevel == RiskLevel.High || IsVulnerable;

    /// <summary>Floors climbed on foot to reach the door (0 with an elevator).</summary>
    public int FloorsToClimb => HasElevator ? 0 : Math.Max(0, Floor - 1);
}
