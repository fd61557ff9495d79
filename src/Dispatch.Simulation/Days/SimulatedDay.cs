using Dispatch.Domain.Supply;
using Dispatch.Planning.District;

namespace Dispatch.Simulation.Days;

/// <summary>One simulated day: what was asked, what was there, what the plan served, and what bound it.</summary>
/// <param name="HouseholdsOrdering">Households with an order in the day's plan: new orders and waiting ones.</param>
/// <param name="WaitingOrders">Orders carried over from earlier days (served first within their class).</param>
/// <param name="Served">Households served, after failed door deliveries.</param>
/// <param name="ServedOnTime">
/// Households served by the deadline of the day they first ordered, after failed door deliveries: a household served
/// today after waiting from an earlier day is served, but late.
/// </param>
/// <param name="DeliveryFailures">Planned door deliveries that failed; they come back the next day.</param>
/// <param name="LateHouseholds">
/// Households late today (<see cref="HouseholdLateness"/>): served past the deadline of the day they first ordered, or
/// not served (late by the time from that deadline to the day's end; their order comes back tomorrow).
/// </param>
/// <param name="MeanLatenessSeconds">Mean lateness of the late households (0 when none is late).</param>
/// <param name="LatenessP95Seconds">95th percentile of the late households' lateness.</param>
/// <param name="MaxLatenessSeconds">The latest household's lateness: the longest wait.</param>
/// <param name="Unfilled">Orders not filled for want of stock, by the bundle kind that ran short.</param>
/// <param name="Stock">Bundles on the shelves at the start of the day (replenishment plus carried-over shelf-stable stock).</param>
/// <param name="OldestWaitDays">Days the oldest order in the plan has waited (0: all new).</param>
/// <param name="Bottleneck">
/// Probed days: the resource whose doubling would serve the most more households on time (measured). Other days: the
/// resource most unserved households point at (<see cref="BottleneckAttribution"/>). Null when nothing binds.
/// </param>
/// <param name="Probed">Whether the bottleneck was measured by the probes this day (false: attributed).</param>
/// <param name="Events">What-if events that took effect this day (risk level changes).</param>
/// <param name="Gates">The day per gate: served, late, waiting, zone and volunteer use.</param>
/// <param name="Communities">The day per community.</param>
public sealed record SimulatedDay(
    int Day,
    int HouseholdsOrdering,
    int NewOrders,
    int WaitingOrders,
    int Served,
    int ServedOnTime,
    int DeliveryFailures,
    int CarriedToNextDay,
    int LateHouseholds,
    double MeanLatenessSeconds,
    int LatenessP95Seconds,
    int MaxLatenessSeconds,
    BundleCounts Unfilled,
    BundleCounts Stock,
    int TrucksOnDuty,
    int VolunteersOnDuty,
    int DoorHouseholds,
    int OldestWaitDays,
    Utilisation Utilisation,
    PlanResource? Bottleneck,
    bool Probed,
    IReadOnlyList<string> Events,
    IReadOnlyList<GateDay> Gates,
    IReadOnlyList<CommunityDay> Communities)
{
    public double ServedShare => HouseholdsOrdering == 0 ? 1 : (double)Served / HouseholdsOrdering;

    public double OnTimeShare => HouseholdsOrdering == 0 ? 1 : (double)ServedOnTime / HouseholdsOrdering;
}
