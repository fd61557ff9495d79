using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Live;

/// <summary>One gate's re-plan, to be put into the latest district plan (which may hold other gates' re-plans made meanwhile).</summary>
/// <param name="Latest">The district plan as it is now.</param>
/// <param name="Doors">The gate's new door routes: they replace the gate's.</param>
/// <param name="Outcomes">The new outcomes of orders at the gate: they replace the plan's of the same orders, and new orders join.</param>
/// <param name="Cycles">The gate's new cycles; null keeps the plan's.</param>
/// <param name="Slots">The gate's new pickup slots; null keeps the plan's.</param>
/// <param name="AddedTrips">Truck trips added for the gate (a top-up), appended after each truck's trips; null adds none.</param>
/// <param name="MovedStops">A late truck's stops, moved to when it is now expected; null moves none.</param>
public sealed record GatePlanMergeInput(
    Plan Latest,
    string GateId,
    DoorRoutingResult Doors,
    IReadOnlyList<OrderOutcome> Outcomes,
    GateCyclePlan? Cycles = null,
    PickupSlotPlan? Slots = null,
    IReadOnlyList<Trucks.TruckRoute>? AddedTrips = null,
    MovedTruckStops? MovedStops = null);

/// <summary>The stops of one truck that it now reaches at another time (see <see cref="TruckStopMoves"/>).</summary>
public sealed record MovedTruckStops(string TruckId, IReadOnlyList<ExpectedArrival> Expected);
