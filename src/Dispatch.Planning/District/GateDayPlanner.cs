using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.GateDay;
using Dispatch.Planning.Live;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.District;

/// <summary>
/// One gate after the trucks: its disinfection cycles proposed by the scheduler, then the day run in time order
/// (<see cref="GateDaySchedule"/>): door trips for high-risk and vulnerable households, pickup slots for medium-risk
/// ones, free-pickup windows for low-risk ones, storage and pickup zone within capacity at every moment, and the
/// outcome of every order that reached the gate.
/// Gates share nothing here, so they are planned in parallel.
/// </summary>
internal sealed class GateDayPlanner
{
    public GateDayResult Plan(GateDayInput input, CancellationToken cancellationToken)
    {
        var settings = input.Settings;
        var gate = input.Gate;
        var arrivals = new GateArrivals(gate.Id, gate.Disinfection, gate.Storage, input.Consignments.Select(c => c.Consignment).ToList(), settings.StorageDwellSeconds, OpensAtSeconds: 0);
        var proposed = new DisinfectionScheduler()
            .Schedule(new DisinfectionInput([arrivals], settings.CycleLimits, Search: settings.CycleSearch), cancellationToken)
            .Gates.Single();
        return new GateDaySchedule(input).Run(proposed, cancellationToken);
    }

    /// <summary>
    /// The gate's day again after some of its goods were taken off the trucks, from the cycles proposed the first time
    /// trimmed to what is left: the day is re-run in time order without searching the cycles again.
    /// </summary>
    public GateDayResult Replan(GateDayInput input, GateCyclePlan proposed, CancellationToken cancellationToken) =>
        new GateDaySchedule(input).Run(TrimmedCycles.To(proposed, input.Consignments.Select(c => c.Consignment).ToList()), cancellationToken);

    internal static IEnumerable<OrderOutcome> DoorOutcomes(string gateId, List<ReadyOrder> orders, DoorRoutingResult doors)
    {
        var visits = new Dictionary<string, List<(string VolunteerId, DoorVisit Visit)>>(StringComparer.Ordinal);
        foreach (var route in doors.Routes)
        {
            foreach (var visit in route.Trips.SelectMany(t => t.Doors))
            {
                string orderId = DeliveryIds.OrderIdOf(visit.DeliveryId);
                if (!visits.TryGetValue(orderId, out var list))
                {
                    visits[orderId] = list = [];
                }

                list.Add((route.VolunteerId, visit));
            }
        }

        var unassigned = doors.Unassigned.GroupBy(u => DeliveryIds.OrderIdOf(u.DeliveryId)).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var (order, readyAt) in orders)
        {
            if (!unassigned.TryGetValue(order.OrderId, out var missing) && visits.TryGetValue(order.OrderId, out var drops))
            {
                int servedAt = drops.Max(d => d.Visit.DropOffStartSeconds + d.Visit.ServiceSeconds);
                string volunteers = string.Join('+', drops.Select(d => d.VolunteerId).Distinct());
                yield return GateOrders.Outcome(gateId, order, readyAt, OrderFate.DoorDelivery, servedAt, volunteers, null);
            }
            else
            {
                string reason = missing is not null ? $"no volunteer: {missing.Reason}: {missing.Detail}" : "no volunteer: not routed";
                yield return GateOrders.Outcome(gateId, order, readyAt, OrderFate.Unassigned, null, null, reason);
            }
        }
    }
}

internal sealed record GateDayInput(
    Gate Gate,
    IReadOnlyList<GateConsignment> Consignments,
    IReadOnlyList<Volunteer> Volunteers,
    ITravelMatrix Walking,
    PlanningSettings Settings,
    BundleCatalog Catalog);

/// <summary>A truck's unloading at the gate and the orders in it.</summary>
/// <param name="TruckWaitLimitSeconds">How long the truck may wait at the gate for room in the buffer zone before it must leave with the goods.</param>
internal sealed record GateConsignment(Consignment Consignment, IReadOnlyList<GateConsignment.CarriedOrder> Orders, int TruckWaitLimitSeconds = 0)
{
    internal sealed record CarriedOrder(string OrderId, Household Household, string SupermarketId, string TruckId, long WeightGrams, string ConsignmentId, BundleCounts Bundles);
}

/// <param name="Proposed">The cycles the scheduler proposed before the day was run in time order: what a re-plan with less goods starts from.</param>
internal sealed record GateDayResult(GateCyclePlan Cycles, DoorRoutingResult Doors, PickupSlotPlan Slots, IReadOnlyList<OrderOutcome> Outcomes, GateCyclePlan Proposed);
