using Dispatch.Planning.District;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Live;

/// <summary>What a gate's top-up adds to the live plan.</summary>
/// <param name="AddedTrips">New trips per truck, numbered after the truck's trips in the current plan.</param>
/// <param name="Cycles">The gate's cycles: the planned ones unchanged, the top-up's after them.</param>
/// <param name="Slots">The gate's pickup slots with the top-up's medium-risk households placed.</param>
/// <param name="Outcomes">One per new order. Door orders are provisional (fate door delivery, not yet routed): the gate re-plan routes <paramref name="DoorDeliveries"/> and settles them.</param>
/// <param name="DoorDeliveries">The new door deliveries (parcels of heavy orders), ready when their goods are released.</param>
public sealed record GateTopUpResult(
    IReadOnlyList<TruckRoute> AddedTrips,
    GateCyclePlan Cycles,
    PickupSlotPlan Slots,
    IReadOnlyList<OrderOutcome> Outcomes,
    IReadOnlyList<DoorDelivery> DoorDeliveries)
{
    /// <summary>The plan's truck routes with <paramref name="added"/> appended to each truck's trips.</summary>
    public static IReadOnlyList<TruckRoute> Append(IReadOnlyList<TruckRoute> routes, IReadOnlyList<TruckRoute> added)
    {
        if (added.Count == 0)
        {
            return routes;
        }

        var byTruck = added.ToDictionary(r => r.TruckId, StringComparer.Ordinal);
        var merged = routes.Select(r => byTruck.Remove(r.TruckId, out var more) ? r with { Trips = [.. r.Trips, .. more.Trips] } : r).ToList();
        merged.AddRange(byTruck.Values);
        return merged.OrderBy(r => r.TruckId, StringComparer.Ordinal).ToList();
    }
}
