using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Trucks that waited at a gate for room in its buffer zone: the stop unloads that much later and the trip comes back
/// that much later. Only a trip's last stop waits (see <see cref="TruckConsignments"/>), within the time before the
/// truck's next trip or shift end, so no other stop moves.
/// </summary>
internal static class TruckWaits
{
    public static TruckRoutingResult Apply(TruckRoutingResult trucks, IEnumerable<GateCyclePlan> gates)
    {
        var waits = gates.SelectMany(g => g.BufferWaits ?? []).Where(w => w.TruckWaitSeconds > 0)
            .ToDictionary(w => w.ConsignmentId, w => w.TruckWaitSeconds, StringComparer.Ordinal);
        if (waits.Count == 0)
        {
            return trucks;
        }

        var routes = trucks.Routes.Select(route => route with
        {
            Trips = route.Trips.Select(trip =>
            {
                int wait = trip.Stops.Count == 0 ? 0 : waits.GetValueOrDefault(ConsignmentRef.Of(trip.Stops[^1]).ToString());
                return wait == 0
                    ? trip
                    : trip with { Stops = [.. trip.Stops.SkipLast(1), trip.Stops[^1] with { UnloadStartSeconds = trip.Stops[^1].UnloadStartSeconds + wait }], ReturnSeconds = trip.ReturnSeconds + wait };
            }).ToList(),
        }).ToList();
        return trucks with { Routes = routes };
    }
}
