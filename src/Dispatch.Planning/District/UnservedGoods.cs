using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.District;

/// <summary>
/// Goods that would travel for nothing: orders the gates cannot serve today (no slot, window or volunteer left, or
/// never released) are taken off the trucks (each stop lighter by their weight, the routes' times unchanged) and
/// off the consignments, so the gates plan again without them; they are reported as not trucked, with the reason.
/// </summary>
internal static class UnservedGoods
{
    public const string NotTruckedPrefix = "not trucked today: ";

    /// <summary>Trucked orders left unserved at their gate.</summary>
    public static HashSet<string> StrandedAtGates(IEnumerable<GateDayResult> gates) =>
        gates.SelectMany(g => g.Outcomes).Where(o => !o.IsServed && o.TruckId is not null).Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);

    /// <summary>Of <paramref name="stranded"/>, those released but taken away by nobody: their goods stay in storage all day.</summary>
    public static HashSet<string> NobodyTakesAway(IEnumerable<GateDayResult> gates, HashSet<string> stranded) =>
        gates.SelectMany(g => g.Outcomes).Where(o => stranded.Contains(o.OrderId) && o.ReadyAtSeconds is not null).Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);

    public static TruckConsignmentSet WithoutOrders(TruckConsignmentSet consignments, HashSet<string> orderIds) =>
        consignments with
        {
            ByGate = consignments.ByGate.ToDictionary(
                g => g.Key,
                g => (IReadOnlyList<GateConsignment>)g.Value.Select(c => Without(c, orderIds)).Where(c => c.Orders.Count > 0).ToList(),
                StringComparer.Ordinal),
        };

    /// <summary>Each stop lighter by the goods left behind; a stop left empty is dropped, and a trip left empty too.</summary>
    public static TruckRoutingResult Lighter(TruckRoutingResult trucks, TruckConsignmentSet before, HashSet<string> orderIds)
    {
        var leftBehind = before.ByGate.Values.SelectMany(g => g)
            .ToDictionary(c => c.Consignment.Id, c => c.Orders.Where(o => orderIds.Contains(o.OrderId)).Sum(o => o.WeightGrams), StringComparer.Ordinal);
        var routes = new List<TruckRoute>(trucks.Routes.Count);
        foreach (var route in trucks.Routes)
        {
            var trips = new List<TruckTrip>(route.Trips.Count);
            foreach (var trip in route.Trips)
            {
                var stops = trip.Stops
                    .Select(s => s with { WeightGrams = s.WeightGrams - leftBehind.GetValueOrDefault(ConsignmentRef.Of(s).ToString()) })
                    .Where(s => s.WeightGrams > 0)
                    .ToList();
                if (stops.Count > 0)
                {
                    trips.Add(trip with { Stops = stops, LoadGrams = stops.Sum(s => s.WeightGrams) });
                }
            }

            if (trips.Count > 0)
            {
                routes.Add(route with { Trips = trips });
            }
        }

        return trucks with { Routes = routes };
    }

    public static OrderOutcome NotTrucked(OrderOutcome stranded) =>
        stranded with
        {
            TruckId = null,
            ReadyAtSeconds = null,
            ServedAtSeconds = null,
            AssignedTo = null,
            ConsignmentId = null,
            PickupUntilSeconds = null,
            Reason = NotTruckedPrefix + stranded.Reason,
        };

    /// <summary>An order the second gate plan leaves unserved though it was trucked: the plan says why it travels.</summary>
    public static OrderOutcome TruckedAnyway(OrderOutcome outcome) =>
        outcome.IsServed || outcome.TruckId is null
            ? outcome
            : outcome with { Reason = $"trucked because the gate's first plan served it, then not served: {outcome.Reason}" };

    private static GateConsignment Without(GateConsignment consignment, HashSet<string> orderIds)
    {
        var kept = consignment.Orders.Where(o => !orderIds.Contains(o.OrderId)).ToList();
        if (kept.Count == consignment.Orders.Count)
        {
            return consignment;
        }

        var c = consignment.Consignment;
        return consignment with
        {
            Consignment = c with
            {
                WeightGrams = kept.Sum(o => o.WeightGrams),
                Households = kept.Select(o => o.Household.Id).Distinct(StringComparer.Ordinal).Count(),
                VulnerableHouseholds = kept.Where(o => o.Household.IsVulnerable).Select(o => o.Household.Id).Distinct(StringComparer.Ordinal).Count(),
            },
            Orders = kept,
        };
    }
}
