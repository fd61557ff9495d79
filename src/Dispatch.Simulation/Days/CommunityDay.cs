using Dispatch.Domain.Geography;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>A community's simulated day: its gates together (see <see cref="GateDay"/> for each figure).</summary>
/// <param name="RiskLevel">The community's risk level that day (what-if events change it).</param>
/// <param name="VolunteerUse">Over all its gates' volunteers on duty.</param>
/// <param name="ZoneUse">Over all its gates' cycles.</param>
public sealed record CommunityDay(
    string CommunityId,
    RiskLevel RiskLevel,
    int HouseholdsOrdering,
    int Served,
    int ServedOnTime,
    int Late,
    int Waiting,
    double MeanLatenessSeconds,
    int DoorHouseholds,
    int VolunteersOnDuty,
    double VolunteerUse,
    double ZoneUse,
    PlanResource? Bottleneck);
