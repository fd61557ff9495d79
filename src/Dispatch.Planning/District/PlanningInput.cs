using Dispatch.Domain.Orders;
using Dispatch.Domain.Scenarios;
using Dispatch.Planning.Doors;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.District;

/// <summary>One district's day to plan: what exists and is available that day (the scenario), and the day's orders.</summary>
/// <param name="Scenario">Supermarkets with the day's stock, trucks, gates with their zones, volunteers on duty.</param>
/// <param name="Orders">The day's orders; each must name a household of the scenario.</param>
/// <param name="Driving">Truck travel; null: haversine at urban speed.</param>
/// <param name="Walking">Volunteer travel; null: haversine at walking speed.</param>
public sealed record PlanningInput(
    Scenario Scenario,
    int Day,
    IReadOnlyList<Order> Orders,
    PlanningSettings Settings,
    ITravelMatrix? Driving = null,
    ITravelMatrix? Walking = null);

/// <summary>How hard and how wide each stage searches, and the service targets the plan is measured against.</summary>
/// <param name="TruckTimeLimit">Search time of the district's truck routing.</param>
/// <param name="DoorTimeLimitPerGate">Search time of one gate's door routing.</param>
/// <param name="CycleLimits">CP-SAT limits of one gate's disinfection cycles.</param>
/// <param name="SlotLimits">CP-SAT limits of one gate's pickup slots.</param>
/// <param name="ParallelGates">Gates planned at once after the truck stage (they are independent).</param>
/// <param name="ServeByDeadlineSeconds">Households should have their goods by then (seconds from the day's start; 20:00 by default).</param>
/// <param name="PickupOpensAtSeconds">First pickup slot (08:00 by default).</param>
/// <param name="PickupClosesAtSeconds">Last pickup slot ends by then (20:00 by default).</param>
/// <param name="SlotSeconds">Pickup slot length (15 minutes by default).</param>
/// <param name="MaxHouseholdsPerBuildingPerSlot">Spreads one building's residents over slots.</param>
/// <param name="TruckTripBlockSeconds">Truck shifts are routed as blocks of this length, one round trip each (supermarket, gates, back, reload).</param>
/// <param name="StorageDwellSeconds">
/// The disinfection model's estimate of how long released goods stay in storage (it spaces cycles when storage is
/// small). Only an estimate: the gate's day then holds each cycle back until its goods fit the storage zone beside
/// everything released and not yet gone (door trip departure, pickup slot end, free-pickup window end).
/// </param>
/// <param name="TruckDeliverBySeconds">Loads unloaded after this cost <paramref name="TruckLateCostPerSecond"/> a second (four times that with vulnerable households' goods): early goods leave time for disinfection and the last metres.</param>
/// <param name="ProbeBottleneck">Re-plan with each resource relaxed to find which one would serve the most more households.</param>
/// <param name="BottleneckRelaxFactor">How much a resource is multiplied by when probed.</param>
/// <param name="TruckImprovement">
/// How truck routes are improved after the first solution (guided local search by default; local search stops at a local
/// optimum, the same one run after run). Ruin and recreate (the string-removal search, deterministic for its iterations)
/// reaches a 1-5 % lower routing objective than local search on the shipped days, but is not the default: the truck
/// objective does not see the gates' buffer zones, and its routes served fewer households on three of five days measured.
/// </param>
/// <param name="ProbeSettings">Settings of the bottleneck probes' re-plans; null: <see cref="Quick"/>.</param>
/// <param name="FreePickupWindowSeconds">
/// A low-risk household's free-pickup window (30 minutes by default): wider than a slot, a whole number of slots; the
/// household counts as on site in the pickup zone for all of it.
/// </param>
/// <param name="CycleSearch">
/// Search each gate's disinfection cycles with CP-SAT (within <paramref name="CycleLimits"/>) from the greedy plan;
/// false keeps the greedy plan, about ten times faster on a hard day: what the bottleneck probes use.
/// </param>
/// <param name="TruckRuinAndRecreate">Settings of the truck stage's string-removal search when <paramref name="TruckImprovement"/> is ruin and recreate; null: the defaults.</param>
/// <param name="RoutingLnsTimeLimit">Truck and door routing's limit per large-neighbourhood sub-search; null: OR-Tools' default (100 ms), which a busy machine can hit.</param>
public sealed record PlanningSettings(
    TimeSpan TruckTimeLimit,
    TimeSpan DoorTimeLimitPerGate,
    SolveLimits CycleLimits,
    SolveLimits SlotLimits,
    DoorRoutingSettings Door,
    int ParallelGates = 2,
    int ServeByDeadlineSeconds = 20 * 3_600,
    int PickupOpensAtSeconds = 8 * 3_600,
    int PickupClosesAtSeconds = 20 * 3_600,
    int SlotSeconds = 15 * 60,
    int MaxHouseholdsPerBuildingPerSlot = 10,
    int TruckUnloadSeconds = 20 * 60,
    int TruckTripBlockSeconds = 90 * 60,
    int StorageDwellSeconds = 60 * 60,
    long TruckBalanceCostPerSecond = 1,
    int TruckDeliverBySeconds = 9 * 3_600,
    long TruckLateCostPerSecond = 5,
    bool ProbeBottleneck = true,
    int BottleneckRelaxFactor = 2,
    Improvement TruckImprovement = Improvement.GuidedLocalSearch,
    PlanningSettings? ProbeSettings = null,
    TimeSpan? RoutingLnsTimeLimit = null,
    int FreePickupWindowSeconds = 30 * 60,
    bool CycleSearch = true,
    RuinAndRecreateSettings? TruckRuinAndRecreate = null)
{
    /// <summary>
    /// The default: <see cref="Deterministic"/>, so the same input and seed give the same plan on any machine load
    /// (<c>dispatch plan</c>, the server's PlanDistrictDay and <c>simulate</c> alike).
    /// </summary>
    public static PlanningSettings Default => Deterministic;

    /// <summary>
    /// Searches bounded by wall-clock time alone (more search on an idle machine, a different plan on a busy one): an
    /// option for what-if runs that want the most a fixed time buys.
    /// </summary>
    public static PlanningSettings WallClock { get; } = new(
        TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(400), new SolveLimits(300), new SolveLimits(300), DoorRoutingSettings.Default);

    /// <summary>First solutions and short CP-SAT runs: what bottleneck probes and many-day simulations use.</summary>
    public static PlanningSettings Quick { get; } = new(
        TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(100), new SolveLimits(100), new SolveLimits(100), DoorRoutingSettings.Default, ProbeBottleneck: false);

    /// <summary>
    /// The same plan for the same input on a busy or an idle machine: routing stops at its local optimum and CP-SAT
    /// after a deterministic amount of work on one worker; the wall-clock limits are only a safety net (if one is
    /// reached the result depends on the machine again). For simulations and what-if comparisons. Probes use the
    /// same limits.
    /// </summary>
    public static PlanningSettings Deterministic { get; } = DeterministicPreset();

    private static PlanningSettings DeterministicPreset()
    {
        var limits = new SolveLimits(TimeLimitMilliseconds: 20_000, Workers: 1, DeterministicSeconds: 0.05);
        var preset = new PlanningSettings(
            TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(20), limits, limits, DoorRoutingSettings.Default, TruckImprovement: Improvement.LocalSearch,
            RoutingLnsTimeLimit: TimeSpan.FromSeconds(10));
        return preset with { ProbeSettings = preset with { ProbeBottleneck = false, CycleSearch = false } };
    }

    internal RoutingOptions TruckRouting => new(TruckTimeLimit, Improvement: TruckImprovement, LnsTimeLimit: RoutingLnsTimeLimit, RuinAndRecreate: TruckRuinAndRecreate);

    internal RoutingOptions DoorRouting => new(DoorTimeLimitPerGate, Improvement: Improvement.LocalSearch, LnsTimeLimit: RoutingLnsTimeLimit);
}
