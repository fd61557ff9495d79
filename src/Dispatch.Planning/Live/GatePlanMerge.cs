namespace Dispatch.Planning.Live;

/// <summary>
/// Puts one gate's re-plan into the latest district plan: the gate's door routes, cycles and slots are replaced,
/// its orders' outcomes replaced or added (outcomes stay sorted by order id), and truck routes changed on the
/// latest ones, so a re-plan of another gate made meanwhile is never undone. Pure.
/// </summary>
public sealed class GatePlanMerge
{
    public GatePlanMergeResult Merge(GatePlanMergeInput input)
    {
        var latest = input.Latest;
        var replaced = new Dictionary<string, District.OrderOutcome>(StringComparer.Ordinal);
        foreach (var outcome in input.Outcomes)
        {
            replaced.TryAdd(outcome.OrderId, outcome);
        }

        var known = latest.Orders.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
        var trucks = latest.TruckRoutes;
        if (input.AddedTrips is { } added)
        {
            trucks = GateTopUpResult.Append(trucks, added);
        }

        if (input.MovedStops is { } moved)
        {
            trucks = new TruckStopMoves().Move(new TruckStopMovesInput(trucks, moved.TruckId, moved.Expected)).Routes;
        }

        var plan = latest with
        {
            DoorRoutes = [.. latest.DoorRoutes.Where(d => d.GateId != input.GateId), input.Doors],
            Orders = latest.Orders.Select(o => replaced.GetValueOrDefault(o.OrderId) ?? o)
                .Concat(replaced.Values.Where(o => !known.Contains(o.OrderId)))
                .OrderBy(o => o.OrderId, StringComparer.Ordinal)
                .ToList(),
            GateCycles = input.Cycles is null ? latest.GateCycles : [.. latest.GateCycles.Where(c => c.GateId != input.GateId), input.Cycles],
            PickupSlots = input.Slots is null ? latest.PickupSlots : [.. latest.PickupSlots.Where(p => p.GateId != input.GateId), input.Slots],
            TruckRoutes = trucks,
        };
        return new GatePlanMergeResult(plan, TrucksChanged: input.AddedTrips is not null || input.MovedStops is not null);
    }
}
