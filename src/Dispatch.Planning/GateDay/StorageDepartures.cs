using Dispatch.Planning.District;
using Dispatch.Planning.Live;

namespace Dispatch.Planning.GateDay;

/// <summary>When each served order's goods leave a gate's storage zone: its last parcel's door trip, or the end of its household's slot or free-pickup window.</summary>
internal static class StorageDepartures
{
    public static Dictionary<string, int> Of(Plan plan)
    {
        var leaving = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var trip in plan.DoorRoutes.SelectMany(d => d.Routes).SelectMany(r => r.Trips))
        {
            foreach (var door in trip.Doors)
            {
                string orderId = DeliveryIds.OrderIdOf(door.DeliveryId);
                leaving[orderId] = Math.Max(leaving.GetValueOrDefault(orderId), trip.LeaveGateSeconds);
            }
        }

        var pickupEnd = new Dictionary<(string Gate, string Household), int>();
        foreach (var slots in plan.PickupSlots)
        {
            var ends = slots.Slots.ToDictionary(s => s.Index, s => s.EndAtSeconds);
            foreach (var assignment in slots.Assignments)
            {
                pickupEnd[(slots.GateId, assignment.HouseholdId)] = ends.GetValueOrDefault(assignment.SlotIndex, int.MaxValue);
            }

            foreach (var window in slots.FreeWindows ?? [])
            {
                pickupEnd[(slots.GateId, window.HouseholdId)] = window.EndAtSeconds;
            }
        }

        foreach (var outcome in plan.Orders.Where(o => o.Fate is OrderFate.PickupSlot or OrderFate.FreePickup))
        {
            if (pickupEnd.TryGetValue((outcome.GateId, outcome.HouseholdId), out int end))
            {
                leaving[outcome.OrderId] = end;
            }
        }

        return leaving;
    }
}
