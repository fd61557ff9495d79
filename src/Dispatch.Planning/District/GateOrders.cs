using Dispatch.Domain.Geography;
using Dispatch.Domain.People;
using Dispatch.Domain.Supply;
using Dispatch.Planning.Doors;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.District;

/// <summary>
/// The orders that reached a gate, each ready when its consignment is released, and how each reaches its household:
/// the shapes the day plan and a later top-up both need, and the outcomes they both write.
/// </summary>
internal static class GateOrders
{
    public static List<ReadyOrder> Ready(IEnumerable<GateConsignment> consignments, GateCyclePlan cycles)
    {
        var releaseByConsignment = cycles.Releases.ToDictionary(r => r.ConsignmentId, r => r.ReleaseAtSeconds, StringComparer.Ordinal);
        return consignments.SelectMany(c => c.Orders.Select(o => new ReadyOrder(o, releaseByConsignment[c.Consignment.Id]))).ToList();
    }

    /// <summary>High-risk and vulnerable households at the door, other medium-risk ones in a slot, low-risk ones collect freely.</summary>
    public static (List<ReadyOrder> Door, List<ReadyOrder> Slot, List<ReadyOrder> Free) ByWayHome(IReadOnlyList<ReadyOrder> ready) => (
        ready.Where(r => r.Order.Household.NeedsDoorDelivery).ToList(),
        ready.Where(r => !r.Order.Household.NeedsDoorDelivery && r.Order.Household.RiskLevel == RiskLevel.Medium).ToList(),
        ready.Where(r => !r.Order.Household.NeedsDoorDelivery && r.Order.Household.RiskLevel == RiskLevel.Low).ToList());

    /// <summary>Door deliveries, an order heavier than any of the gate's volunteers can carry in parcels.</summary>
    public static List<DoorDelivery> DoorDeliveries(IEnumerable<ReadyOrder> doorOrders, IReadOnlyCollection<Volunteer> volunteers, BundleCatalog catalog)
    {
        long carry = volunteers.Count == 0 ? long.MaxValue : volunteers.Max(v => v.CarryLimitGrams);
        return doorOrders.SelectMany(r => DoorParcels.Split(r.Order.OrderId, r.Order.Household, r.Order.Bundles, catalog, r.ReadyAtSeconds, carry)).ToList();
    }

    /// <summary>One pickup household per household, ready when the last of its orders is.</summary>
    public static List<PickupHousehold> SlotHouseholds(IEnumerable<ReadyOrder> slotOrders) => slotOrders
        .GroupBy(r => r.Order.Household.Id, StringComparer.Ordinal)
        .Select(g => new PickupHousehold(g.Key, g.First().Order.Household.Building, g.Max(r => r.ReadyAtSeconds), g.First().Order.Household.IsVulnerable))
        .ToList();

    public static IEnumerable<OrderOutcome> SlotOutcomes(string gateId, IEnumerable<ReadyOrder> orders, PickupSlotPlan slots)
    {
        var assigned = slots.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
        var ends = slots.Slots.ToDictionary(s => s.Index, s => s.EndAtSeconds);
        var unassigned = slots.Unassigned.ToDictionary(u => u.HouseholdId, StringComparer.Ordinal);
        foreach (var (order, readyAt) in orders)
        {
            if (assigned.TryGetValue(order.Household.Id, out var slot))
            {
                yield return Outcome(gateId, order, readyAt, OrderFate.PickupSlot, slot.StartAtSeconds, $"slot {slot.SlotIndex}", null)
                    with { PickupUntilSeconds = ends.TryGetValue(slot.SlotIndex, out int end) ? end : null };
            }
            else
            {
                yield return Outcome(gateId, order, readyAt, OrderFate.Unassigned, null, null, UnassignedHousehold.OutcomeReason(unassigned.GetValueOrDefault(order.Household.Id)));
            }
        }
    }

    /// <summary>Free pickups in their household's window; households without one are not served today, with the reason.</summary>
    public static IEnumerable<OrderOutcome> FreeOutcomes(string gateId, IEnumerable<ReadyOrder> orders, IReadOnlyList<FreePickupWindow> windows, IReadOnlyDictionary<string, string> reasons)
    {
        var byHousehold = windows.ToDictionary(w => w.HouseholdId, StringComparer.Ordinal);
        foreach (var (order, readyAt) in orders)
        {
            yield return byHousehold.TryGetValue(order.Household.Id, out var window)
                ? Outcome(gateId, order, readyAt, OrderFate.FreePickup, window.StartAtSeconds, $"free pickup {window.StartAtSeconds}-{window.EndAtSeconds}", null) with { PickupUntilSeconds = window.EndAtSeconds }
                : Outcome(gateId, order, readyAt, OrderFate.Unassigned, null, null, reasons.GetValueOrDefault(order.Household.Id) ?? "no free-pickup window: another order of the household is not released today");
        }
    }

    /// <summary>An order whose goods reached the gate but were not released today (or never unloaded), with why.</summary>
    public static OrderOutcome NotReleased(string gateId, GateConsignment.CarriedOrder order, string reason) =>
        new(order.OrderId, order.Household.Id, gateId, order.Household.IsVulnerable, OrderFate.Unassigned, order.SupermarketId, order.TruckId, null, null, null, reason, null, order.ConsignmentId);

    /// <summary>The last moment released goods can still leave the gate today: the end of the pickup day or of the last volunteer's shift.</summary>
    public static int LastUsefulReleaseSeconds(IEnumerable<Volunteer> gateVolunteers, PlanningSettings settings) =>
        gateVolunteers.Select(v => v.Shift.EndSeconds).Append(settings.PickupClosesAtSeconds).Max();

    public static OrderOutcome Outcome(string gateId, GateConsignment.CarriedOrder order, int readyAt, OrderFate fate, int? servedAt, string? assignedTo, string? reason) =>
        new(order.OrderId, order.Household.Id, gateId, order.Household.IsVulnerable, fate, order.SupermarketId, order.TruckId, readyAt, servedAt, assignedTo, reason, null, order.ConsignmentId);
}

/// <summary>An order at the gate and when its goods leave disinfection.</summary>
internal readonly record struct ReadyOrder(GateConsignment.CarriedOrder Order, int ReadyAtSeconds);
