using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>One gate's simulated day: who ordered there, who was served and when, what waits, how busy its zone and volunteers were.</summary>
/// <param name="HouseholdsOrdering">Households whose order goes through this gate today (new and waiting).</param>
/// <param name="ServedOnTime">Served today by the deadline of the day they ordered (a carried-over order never is).</param>
/// <param name="Late">Households late today: served late (including after waiting) or not served.</param>
/// <param name="Waiting">Not served today: their order comes back tomorrow.</param>
/// <param name="MeanLatenessSeconds">Mean lateness of the late households (<see cref="HouseholdLateness"/>); 0 when none.</param>
/// <param name="VolunteerUse">
/// Door households served over the households the gate's volunteers on duty can look after (10 to 15 each), 0..1: the
/// district KPI's measure, for this gate alone.
/// </param>
/// <param name="ZoneUse">Goods disinfected over the capacity of the cycles run, 0..1.</param>
/// <param name="Bottleneck">The resource this gate's households not served on time point at (<see cref="BottleneckAttribution"/>).</param>
public sealed record GateDay(
    string GateId,
    string CommunityId,
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
