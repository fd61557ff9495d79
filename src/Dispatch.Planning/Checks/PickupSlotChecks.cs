using Dispatch.Planning.PickupSlots;

namespace Dispatch.Planning.Checks;

/// <summary>Rules a pickup slot plan must keep, checked without knowing how it was found.</summary>
public static class PickupSlotChecks
{
    /// <summary>Returns one line per broken rule; empty when the plan is sound.</summary>
    public static IReadOnlyList<string> Violations(PickupSlotInput input, PickupSlotPlan plan)
    {
        var violations = new List<string>();
        var households = input.Households.ToDictionary(h => h.HouseholdId, StringComparer.Ordinal);
        var answered = new Dictionary<string, int>(StringComparer.Ordinal);
        var perSlot = new Dictionary<int, int>();
        var perBuildingSlot = new Dictionary<(string Building, int Slot), int>();

        foreach (var assignment in plan.Assignments)
        {
            answered[assignment.HouseholdId] = answered.GetValueOrDefault(assignment.HouseholdId) + 1;
            if (!households.TryGetValue(assignment.HouseholdId, out var household))
            {
                violations.Add($"unknown household {assignment.HouseholdId} has a slot");
                continue;
            }

            var start = input.DayStartAtSeconds + (assignment.SlotIndex * input.SlotSeconds);
            if (assignment.SlotIndex < 0 || assignment.StartAtSeconds != start || start + input.SlotSeconds > input.DayEndAtSeconds)
            {
                violations.Add($"household {household.HouseholdId} has slot {assignment.SlotIndex} at {assignment.StartAtSeconds}, not a slot of the day");
            }

            if (assignment.StartAtSeconds < household.ReadyAtSeconds)
            {
                violations.Add($"household {household.HouseholdId} collects at {assignment.StartAtSeconds} before its goods are ready at {household.ReadyAtSeconds}");
            }

            perSlot[assignment.SlotIndex] = perSlot.GetValueOrDefault(assignment.SlotIndex) + 1;
            var key = (household.Building, assignment.SlotIndex);
            perBuildingSlot[key] = perBuildingSlot.GetValueOrDefault(key) + 1;
        }

        foreach (var unassigned in plan.Unassigned)
        {
            answered[unassigned.HouseholdId] = answered.GetValueOrDefault(unassigned.HouseholdId) + 1;
        }

        violations.AddRange(input.Households
            .Where(h => answered.GetValueOrDefault(h.HouseholdId) != 1)
            .Select(h => $"household {h.HouseholdId} is answered {answered.GetValueOrDefault(h.HouseholdId)} times, not once"));
        violations.AddRange(perSlot
            .Where(p => p.Value > input.Zone.CrowdCap)
            .Select(p => $"slot {p.Key} has {p.Value} households over the crowd cap {input.Zone.CrowdCap}"));
        // A plan may lift the building cap to the crowd cap (and must say so), never set one of its own.
        var buildingCap = plan.BuildingCapPerSlot;
        if (buildingCap != input.MaxHouseholdsPerBuildingPerSlot && buildingCap != input.Zone.CrowdCap)
        {
            violations.Add($"plan keeps a building cap of {buildingCap}, neither the input's {input.MaxHouseholdsPerBuildingPerSlot} nor the crowd cap");
        }

        violations.AddRange(perBuildingSlot
            .Where(p => p.Value > buildingCap)
            .Select(p => $"slot {p.Key.Slot} has {p.Value} households of building {p.Key.Building}, over {buildingCap}"));
        return violations;
    }
}
