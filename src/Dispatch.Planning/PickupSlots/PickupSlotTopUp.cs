using Dispatch.Domain.Geography;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Fits households whose goods come late into a gate's slots without moving anyone already told a slot: each
/// takes the earliest slot from its ready time on with room under the crowd cap (free-pickup windows on site then
/// count) and the plan's building cap.
/// A household that already has a slot keeps it when its new goods are ready by then, else moves to a later one.
/// </summary>
public static class PickupSlotTopUp
{
    /// <param name="buildingOf">The building of a household already holding a slot (null if unknown): the building cap counts them too.</param>
    public static PickupSlotPlan Place(PickupSlotPlan plan, PickupZone zone, IReadOnlyList<PickupHousehold> households, Func<string, string?> buildingOf)
    {
        var slots = plan.Slots.ToList();

        // Free-pickup windows already promised count against the crowd cap of every slot they overlap.
        var windowPeople = slots.ToDictionary(s => s.Index, s => (plan.FreeWindows ?? []).Count(w => w.StartAtSeconds < s.EndAtSeconds && s.StartAtSeconds < w.EndAtSeconds));
        var assignments = plan.Assignments.ToDictionary(a => a.HouseholdId, StringComparer.Ordinal);
        var unassigned = plan.Unassigned.ToDictionary(u => u.HouseholdId, StringComparer.Ordinal);
        var perBuilding = new Dictionary<(int Slot, string Building), int>();
        foreach (var assignment in assignments.Values)
        {
            if (buildingOf(assignment.HouseholdId) is { } building)
            {
                var key = (assignment.SlotIndex, building);
                perBuilding[key] = perBuilding.GetValueOrDefault(key) + 1;
            }
        }

        foreach (var household in households.OrderByDescending(h => h.IsVulnerable).ThenBy(h => h.ReadyAtSeconds).ThenBy(h => h.HouseholdId, StringComparer.Ordinal))
        {
            if (assignments.TryGetValue(household.HouseholdId, out var held))
            {
                if (held.StartAtSeconds >= household.ReadyAtSeconds)
                {
                    continue;
                }

                assignments.Remove(household.HouseholdId);
                Take(slots, perBuilding, held.SlotIndex, household.Building, -1);
            }

            unassigned.Remove(household.HouseholdId);
            var slot = slots.FirstOrDefault(s => s.StartAtSeconds >= household.ReadyAtSeconds
                && s.Households + windowPeople[s.Index] < zone.CrowdCap
                && perBuilding.GetValueOrDefault((s.Index, household.Building)) < plan.BuildingCapPerSlot);
            if (slot is not null)
            {
                Take(slots, perBuilding, slot.Index, household.Building, +1);
                assignments[household.HouseholdId] = new SlotAssignment(household.HouseholdId, slot.Index, slot.StartAtSeconds, slot.StartAtSeconds - household.ReadyAtSeconds);
            }
            else
            {
                unassigned[household.HouseholdId] = slots.Count == 0 || slots[^1].StartAtSeconds < household.ReadyAtSeconds
                    ? UnassignedHousehold.ReadyAfterLastSlot(household)
                    : UnassignedHousehold.NoRoom(household);
            }
        }

        return plan with
        {
            Slots = slots,
            Assignments = assignments.Values.OrderBy(a => a.SlotIndex).ThenBy(a => a.HouseholdId, StringComparer.Ordinal).ToList(),
            Unassigned = unassigned.Values.OrderBy(u => u.HouseholdId, StringComparer.Ordinal).ToList(),
        };
    }

    private static void Take(List<PickupSlot> slots, Dictionary<(int Slot, string Building), int> perBuilding, int slotIndex, string building, int change)
    {
        int at = slots.FindIndex(s => s.Index == slotIndex);
        slots[at] = slots[at] with { Households = slots[at].Households + change };
        var key = (slotIndex, building);
        perBuilding[key] = perBuilding.GetValueOrDefault(key) + change;
    }
}
