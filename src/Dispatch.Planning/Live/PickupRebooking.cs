using Dispatch.Planning.District;
using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Live;

/// <summary>
/// When goods come later than planned, a household whose slot now starts before its goods are ready is moved to the
/// earliest later slot with room (<see cref="PickupSlotTopUp"/>: crowd cap and building cap kept, nobody else
/// moves), or told there is none. Households whose slot still holds keep it. Pure.
/// </summary>
public sealed class PickupRebooking
{
    public PickupRebookingResult Rebook(PickupRebookingInput input)
    {
        var slotOf = input.Slots.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
        var late = input.Outcomes
            .Where(o => o.Fate == OrderFate.PickupSlot && o.ReadyAtSeconds is int)
            .GroupBy(o => o.HouseholdId, StringComparer.Ordinal)
            .Select(g => (HouseholdId: g.Key, ReadyAtSeconds: g.Max(o => o.ReadyAtSeconds!.Value), Vulnerable: g.Any(o => o.IsVulnerable)))
            .Where(h => !slotOf.TryGetValue(h.HouseholdId, out var slot) || slot.StartAtSeconds < h.ReadyAtSeconds)
            .Select(h => new PickupHousehold(h.HouseholdId, input.BuildingOf(h.HouseholdId) ?? string.Empty, h.ReadyAtSeconds, h.Vulnerable))
            .ToList();
        if (late.Count == 0)
        {
            return new PickupRebookingResult(input.Slots, input.Outcomes, []);
        }

        var slots = PickupSlotTopUp.Place(input.Slots, input.Zone, late, input.BuildingOf);
        var moved = late.Select(h => h.HouseholdId).ToHashSet(StringComparer.Ordinal);
        var newSlot = slots.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
        var noSlot = slots.Unassigned.ToDictionary(u => u.HouseholdId, StringComparer.Ordinal);
        var rebooked = new List<string>();
        var outcomes = input.Outcomes.Select(o =>
        {
            if (o.Fate != OrderFate.PickupSlot || !moved.Contains(o.HouseholdId))
            {
                return o;
            }

            rebooked.Add(o.OrderId);
            if (newSlot.TryGetValue(o.HouseholdId, out var slot))
            {
                return o with { ServedAtSeconds = slot.StartAtSeconds, AssignedTo = $"slot {slot.SlotIndex}" };
            }

            return o with { Fate = OrderFate.Unassigned, ServedAtSeconds = null, AssignedTo = null, Reason = UnassignedHousehold.OutcomeReason(noSlot.GetValueOrDefault(o.HouseholdId)) };
        }).ToList();
        return new PickupRebookingResult(slots, outcomes, rebooked);
    }
}
