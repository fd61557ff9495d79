using Dispatch.Domain.Scenarios;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Turns truck stops into consignments at gates, each carrying the whole orders of its load. A trip's last stop may
/// wait at its gate for room in the buffer zone as long as the truck is not due anywhere else: until its next trip
/// leaves or its shift ends (waiting at an earlier stop would make every later gate's goods late).
/// </summary>
internal static class TruckConsignments
{
    public static TruckConsignmentSet Build(TruckRoutingResult trucks, GateLoadSet loads, ScenarioIndex index, int unloadSeconds)
    {
        var byGate = new Dictionary<string, List<GateConsignment>>(StringComparer.Ordinal);
        var undelivered = new List<OrderOutcome>();
        var shiftEnds = index.Scenario.Vehicles.GroupBy(v => v.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(v => v.Shift.EndSeconds), StringComparer.Ordinal);
        var waitLimits = new Dictionary<TruckStop, int>(ReferenceEqualityComparer.Instance);
        var pieces = new List<(string LoadId, int Piece, int PieceCount, long WeightGrams, TruckStop? Stop, string? TruckId, string? Problem)>();
        foreach (var route in trucks.Routes)
        {
            var trips = route.Trips.OrderBy(t => t.DepartSeconds).ToList();
            for (int t = 0; t < trips.Count; t++)
            {
                foreach (var stop in trips[t].Stops)
                {
                    pieces.Add((stop.LoadId, stop.Piece, stop.PieceCount, stop.WeightGrams, stop, route.TruckId, null));
                }

                if (trips[t].Stops.Count > 0)
                {
                    int dueAt = t + 1 < trips.Count ? trips[t + 1].DepartSeconds : shiftEnds.GetValueOrDefault(route.TruckId, trips[t].ReturnSeconds);
                    waitLimits[trips[t].Stops[^1]] = Math.Max(0, dueAt - trips[t].ReturnSeconds);
                }
            }
        }

        foreach (var missing in trucks.Unassigned)
        {
            pieces.Add((missing.LoadId, missing.Piece, missing.PieceCount, missing.WeightGrams, null, null, $"no truck: {missing.Reason}: {missing.Detail}"));
        }

        foreach (var load in pieces.GroupBy(p => p.LoadId))
        {
            var orders = loads.OrdersByLoad[load.Key];
            int next = 0;
            long carried = 0;
            foreach (var piece in load.OrderBy(p => p.Piece))
            {
                // A load split over trucks carries its orders in order, each order with the piece its first gram is in.
                var inPiece = new List<LoadedOrder>();
                long end = carried + piece.WeightGrams;
                while (next < orders.Count && (carried < end || piece.Piece == piece.PieceCount))
                {
                    inPiece.Add(orders[next]);
                    carried += orders[next].WeightGrams;
                    next++;
                }

                carried = Math.Max(carried, end);
                if (piece.Stop is null)
                {
                    undelivered.AddRange(inPiece.Select(o => new OrderOutcome(o.OrderId, o.HouseholdId, o.GateId, o.IsVulnerable, OrderFate.Unassigned,
                        o.SupermarketId, null, null, null, null, piece.Problem, null)));
                    continue;
                }

                if (inPiece.Count == 0)
                {
                    continue;
                }

                var stop = piece.Stop;
                string consignmentId = new ConsignmentRef(load.Key, piece.Piece).ToString();
                var carriedOrders = inPiece.Select(o => new GateConsignment.CarriedOrder(o.OrderId, index.FindHousehold(o.HouseholdId)!, o.SupermarketId, piece.TruckId!, o.WeightGrams, consignmentId, o.Bundles)).ToList();
                var consignment = new Consignment(
                    consignmentId,
                    stop.UnloadStartSeconds + unloadSeconds,
                    inPiece.Sum(o => o.WeightGrams),
                    inPiece.Select(o => o.HouseholdId).Distinct().Count(),
                    inPiece.Where(o => o.IsVulnerable).Select(o => o.HouseholdId).Distinct().Count());
                if (!byGate.TryGetValue(stop.GateId, out var list))
                {
                    byGate[stop.GateId] = list = [];
                }

                list.Add(new GateConsignment(consignment, carriedOrders, waitLimits.GetValueOrDefault(stop)));
            }
        }

        return new TruckConsignmentSet(byGate.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<GateConsignment>)kv.Value, StringComparer.Ordinal), undelivered);
    }
}

internal sealed record TruckConsignmentSet(IReadOnlyDictionary<string, IReadOnlyList<GateConsignment>> ByGate, IReadOnlyList<OrderOutcome> Undelivered);
