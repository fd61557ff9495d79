using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.Doors;

/// <summary>The door deliveries of one gate and the volunteers who carry them.</summary>
/// <param name="Volunteers">Volunteers of other gates are ignored.</param>
/// <param name="Walking">Walking times and distances, e.g. <see cref="HaversineTravelMatrix.Walking"/>.</param>
public sealed record DoorRoutingInput(
    Gate Gate,
    IReadOnlyList<DoorDelivery> Deliveries,
    IReadOnlyList<Volunteer> Volunteers,
    ITravelMatrix Walking,
    RoutingOptions Options,
    DoorRoutingSettings Settings);

/// <summary>Goods for one household, carried from the gate to its door.</summary>
/// <param name="ReadyAtSeconds">End of the goods' disinfection cycle: they leave the gate no earlier.</param>
/// <param name="Window">When the household can take them; null: any time.</param>
public sealed record DoorDelivery(string Id, Household Household, long WeightGrams, int ReadyAtSeconds, TimeWindow? Window = null);

/// <summary>Times and weights of door-to-door work.</summary>
/// <param name="DropOffSeconds">Contactless drop at the door: knock, leave, step back, confirm.</param>
/// <param name="StairsUpSecondsPerFloor">Per floor climbed when there is no elevator.</param>
/// <param name="StairsDownSecondsPerFloor">Per floor back down.</param>
/// <param name="ReloadSeconds">At the gate between trips.</param>
/// <param name="MaxTripsPerVolunteer">Trips from the gate a volunteer makes in a shift.</param>
/// <param name="MaxDoorsPerTrip">Households served on one trip, whatever the weight.</param>
/// <param name="OrdinaryDropPenalty">Cost of leaving an ordinary household unserved.</param>
/// <param name="VulnerableDropPenalty">Cost of leaving a vulnerable household unserved: much higher, so they are dropped last.</param>
/// <param name="VulnerableWaitCostPerSecond">Per second a vulnerable household waits after its goods are ready: serves them early.</param>
/// <param name="BalanceCostPerSecond">Per second of the longest working day: spreads doors over volunteers.</param>
public sealed record DoorRoutingSettings(
    int DropOffSeconds = 60,
    int StairsUpSecondsPerFloor = 15,
    int StairsDownSecondsPerFloor = 15,
    int ReloadSeconds = 120,
    int MaxTripsPerVolunteer = 8,
    int MaxDoorsPerTrip = int.MaxValue,
    long OrdinaryDropPenalty = 1_000_000,
    long VulnerableDropPenalty = 100_000_000,
    long VulnerableWaitCostPerSecond = 1,
    long BalanceCostPerSecond = 0)
{
    public static DoorRoutingSettings Default => new();

    /// <summary>Time at a door: the drop plus the stairs up and down.</summary>
    public int ServiceSeconds(Household household) =>
        DropOffSeconds + (household.FloorsToClimb * (StairsUpSecondsPerFloor + StairsDownSecondsPerFloor));
}
