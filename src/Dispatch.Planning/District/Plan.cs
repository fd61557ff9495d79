using Dispatch.Domain.Supply;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// A district's day: truck routes, disinfection cycles per gate, volunteers' door routes, pickup slots, what
/// happens to every order (and why, when it is not served), KPIs and the measured bottleneck.
/// </summary>
/// <param name="Settings">Every setting the plan was made under (deadline, pickup hours, windows, unload time, limits...), so it can be re-checked from its own JSON with the scenario and the orders.</param>
public sealed record Plan(
    string DistrictId,
    int Day,
    IReadOnlyList<TruckRoute> TruckRoutes,
    IReadOnlyList<GateCyclePlan> GateCycles,
    IReadOnlyList<DoorRoutingResult> DoorRoutes,
    IReadOnlyList<PickupSlotPlan> PickupSlots,
    IReadOnlyList<OrderOutcome> Orders,
    PlanKpis Kpis,
    BottleneckReport? Bottleneck,
    IReadOnlyList<StageTiming> Timings,
    PlanningSettings? Settings = null);

/// <summary>How an order reaches its household, or why it does not.</summary>
public enum OrderFate
{
    DoorDelivery = 0,
    PickupSlot = 1,
    FreePickup = 2,
    Unfilled = 3,
    Unassigned = 4,
}

/// <summary>What the plan does with one order.</summary>
/// <param name="ReadyAtSeconds">When its goods leave disinfection (null if they never reach the gate).</param>
/// <param name="ServedAtSeconds">Door drop, slot start, or release for free pickup (null when not served).</param>
/// <param name="AssignedTo">The volunteer (door delivery) or the slot index (pickup slot).</param>
/// <param name="Reason">Why an unfilled or unassigned order is not served.</param>
/// <param name="ConsignmentId">The truck consignment ("load/piece") that brings its goods to the gate (null when none does).</param>
/// <param name="PickupUntilSeconds">End of its pickup slot or free-pickup window: the household collects between <paramref name="ServedAtSeconds"/> and then.</param>
public sealed record OrderOutcome(
    string OrderId,
    string HouseholdId,
    string GateId,
    bool IsVulnerable,
    OrderFate Fate,
    string? SupermarketId,
    string? TruckId,
    int? ReadyAtSeconds,
    int? ServedAtSeconds,
    string? AssignedTo,
    string? Reason,
    BundleKind? ShortKind,
    string? ConsignmentId = null,
    int? PickupUntilSeconds = null)
{
    public bool IsServed => Fate is OrderFate.DoorDelivery or OrderFate.PickupSlot or OrderFate.FreePickup;
}

/// <summary>
/// The plan's numbers. Shares are 0..1; lateness is past <see cref="PlanningSettings.ServeByDeadlineSeconds"/>. The
/// headline is <paramref name="HouseholdsServedByDeadline"/>; vulnerable households are counted apart as well.
/// </summary>
public sealed record PlanKpis(
    int Orders,
    int HouseholdsOrdering,
    int HouseholdsServed,
    int HouseholdsServedByDeadline,
    int DoorDeliveries,
    int PickupSlots,
    int FreePickups,
    int Unfilled,
    int Unassigned,
    double ServedShare,
    double ServedByDeadlineShare,
    int LatenessP50Seconds,
    int LatenessP95Seconds,
    int LatenessMaxSeconds,
    double MeanLatenessSeconds,
    int ServedAtP95Seconds,
    Utilisation Utilisation,
    IReadOnlyDictionary<BundleKind, int> UnfilledByBundle,
    int VulnerableHouseholdsOrdering = 0,
    int VulnerableHouseholdsServedByDeadline = 0,
    int HouseholdsServedLate = 0);

/// <summary>How much of each resource the plan uses, 0..1.</summary>
/// <param name="Stock">Bundles allocated over bundles in stock, all kinds.</param>
/// <param name="Trucks">Truck time on the road over shift time.</param>
/// <param name="DisinfectionZones">Goods disinfected over cycle capacity of the cycles run.</param>
/// <param name="Volunteers">Doors served over the households volunteers can look after.</param>
/// <param name="PickupZones">Slotted households over the crowd-cap places of the day's slots.</param>
public sealed record Utilisation(double Stock, double Trucks, double DisinfectionZones, double Volunteers, double PickupZones);

/// <summary>Which resource, multiplied by the relax factor, would serve the most more households by the deadline.</summary>
/// <param name="Resource">The bottleneck, or null when no relaxation serves anyone more (or everyone is served on time: no probes run).</param>
/// <param name="BaselineServed">Households served by the deadline in the plan itself.</param>
/// <param name="Probes">Every probe: resource, households served by the deadline with it relaxed, and the gain over the unrelaxed probe.</param>
public sealed record BottleneckReport(PlanResource? Resource, int BaselineServed, IReadOnlyList<BottleneckProbeResult> Probes);

/// <summary>One relaxed re-plan.</summary>
public sealed record BottleneckProbeResult(PlanResource Resource, int HouseholdsServed, int Gain);

/// <summary>The resources a planner can add.</summary>
public enum PlanResource
{
    Stock = 0,
    Trucks = 1,
    DisinfectionCapacity = 2,
    Volunteers = 3,
    PickupCrowdCap = 4,
}

/// <summary>Wall time of one stage, for progress and tuning.</summary>
public sealed record StageTiming(string Stage, long Milliseconds);

/// <summary>A stage that has started or finished, reported while a plan runs.</summary>
public sealed record PlanProgress(string Stage, int Done, int Total);
