using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.Live;
using Dispatch.Planning.PickupSlots;
using Dispatch.Planning.Travel;

namespace Dispatch.Planning.District;

/// <summary>
/// One gate after the trucks: its disinfection cycles, then door routes for high-risk and vulnerable
/// households and pickup slots for medium-risk ones, and the outcome of every order that reached the gate.
/// Gates share nothing here, so they are planned in parallel.
/// </summary>
internal sealed class GateDayPlanner
{
    public GateDayResult Plan(GateDayInput input, CancellationToken cancellationToken)
    {
        var settings = input.Settings;
        var gate = input.Gate;
        var arrivals = new GateArrivals(gate.Id, gate.Disinfection, gate.Storage, input.Consignments.Select(c => c.Consignment).ToList(), settings.StorageDwellSeconds, OpensAtSeconds: 0);
        var cycles = new DisinfectionScheduler()
            .Schedule(new DisinfectionInput([arrivals], settings.CycleLimits), cancellationToken)
            .Gates.Single();

        var releaseByConsignment = cycles.Releases.ToDictionary(r => r.ConsignmentId, r => r.ReleaseAtSeconds, StringComparer.Ordinal);
        var ready = new List<(GateConsignment.CarriedOrder Order, int ReadyAtSeconds)>();
        foreach (var consignment in input.Consignments)
        {
            int release = releaseByConsignment[consignment.Consignment.Id];
            ready.AddRange(consignment.Orders.Select(o => (o, release)));
        }

        var doorOrders = ready.Where(r => r.Order.Household.NeedsDoorDelivery).ToList();
        var slotOrders = ready.Where(r => !r.Order.Household.NeedsDoorDelivery && r.Order.Household.RiskLevel == RiskLevel.Medium).ToList();
        var freeOrders = ready.Where(r => !r.Order.Household.NeedsDoorDelivery && r.Order.Household.RiskLevel == RiskLevel.Low).ToList();

        var doors = RouteDoors(input, doorOrders, cancellationToken);

        var slotHouseholds = slotOrders
            .GroupBy(r => r.Order.Household.Id, StringComparer.Ordinal)
            .Select(g => new PickupHousehold(g.Key, g.First().Order.Household.Building, g.Max(r => r.ReadyAtSeconds), g.First().Order.Household.IsVulnerable))
            .ToList();
        var slots = new PickupSlotPlanner().Plan(
            new PickupSlotInput(gate.Id, gate.Pickup, slotHouseholds, settings.PickupOpensAtSeconds, settings.PickupClosesAtSeconds,
                settings.SlotLimits, settings.SlotSeconds, settings.MaxHouseholdsPerBuildingPerSlot),
            cancellationToken);

        var outcomes = new List<OrderOutcome>(ready.Count);
        outcomes.AddRange(DoorOutcomes(gate.Id, doorOrders, doors));
        outcomes.AddRange(SlotOutcomes(gate.Id, slotOrders, slots));
        outcomes.AddRange(freeOrders.Select(r => Outcome(gate.Id, r.Order, r.ReadyAtSeconds, OrderFate.FreePickup, Math.Max(r.ReadyAtSeconds, settings.PickupOpensAtSeconds), null, null)));
        return new GateDayResult(cycles, doors, slots, outcomes);
    }

    private static DoorRoutingResult RouteDoors(GateDayInput input, List<(GateConsignment.CarriedOrder Order, int ReadyAtSeconds)> doorOrders, CancellationToken cancellationToken)
    {
        var settings = input.Settings;
        long carry = input.Volunteers.Count == 0 ? long.MaxValue : input.Volunteers.Max(v => v.CarryLimitGrams);
        var deliveries = new List<DoorDelivery>();
        foreach (var (order, readyAt) in doorOrders)
        {
            deliveries.AddRange(DoorParcels.Split(order.OrderId, order.Household, order.WeightGrams, readyAt, carry));
        }

        return new DoorTripScheduler().Route(
            new DoorRoutingInput(input.Gate, deliveries, input.Volunteers, input.Walking, settings.DoorRouting, settings.Door),
            cancellationToken);
    }

    private static IEnumerable<OrderOutcome> DoorOutcomes(string gateId, List<(GateConsignment.CarriedOrder Order, int ReadyAtSeconds)> orders, DoorRoutingResult doors)
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
                yield return Outcome(gateId, order, readyAt, OrderFate.DoorDelivery, servedAt, volunteers, null);
            }
            else
            {
                string reason = missing is not null ? $"no volunteer: {missing.Reason}: {missing.Detail}" : "no volunteer: not routed";
                yield return Outcome(gateId, order, readyAt, OrderFate.Unassigned, null, null, reason);
            }
        }
    }

    private static IEnumerable<OrderOutcome> SlotOutcomes(string gateId, List<(GateConsignment.CarriedOrder Order, int ReadyAtSeconds)> orders, PickupSlotPlan slots)
    {
        var assigned = slots.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
        var unassigned = slots.Unassigned.ToDictionary(u => u.HouseholdId, StringComparer.Ordinal);
        foreach (var (order, readyAt) in orders)
        {
            if (assigned.TryGetValue(order.Household.Id, out var slot))
            {
                yield return Outcome(gateId, order, readyAt, OrderFate.PickupSlot, slot.StartAtSeconds, $"slot {slot.SlotIndex}", null);
            }
            else
            {
                string reason = unassigned.TryGetValue(order.Household.Id, out var u) ? $"no pickup slot: {u.Reason}: {u.Detail}" : "no pickup slot";
                yield return Outcome(gateId, order, readyAt, OrderFate.Unassigned, null, null, reason);
            }
        }
    }

    private static OrderOutcome Outcome(string gateId, GateConsignment.CarriedOrder order, int readyAt, OrderFate fate, int? servedAt, string? assignedTo, string? reason) =>
        new(order.OrderId, order.Household.Id, gateId, order.Household.IsVulnerable, fate, order.SupermarketId, order.TruckId, readyAt, servedAt, assignedTo, reason, null, order.ConsignmentId);
}

internal sealed record GateDayInput(
    Gate Gate,
    IReadOnlyList<GateConsignment> Consignments,
    IReadOnlyList<Volunteer> Volunteers,
    ITravelMatrix Walking,
    PlanningSettings Settings);

/// <summary>A truck's unloading at the gate and the orders in it.</summary>
internal sealed record GateConsignment(Consignment Consignment, IReadOnlyList<GateConsignment.CarriedOrder> Orders)
{
    internal sealed record CarriedOrder(string OrderId, Household Household, string SupermarketId, string TruckId, long WeightGrams, string ConsignmentId);
}

internal sealed record GateDayResult(GateCyclePlan Cycles, DoorRoutingResult Doors, PickupSlotPlan Slots, IReadOnlyList<OrderOutcome> Outcomes);
