using Google.OrTools.Sat;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Gives each medium-risk household at a gate one pickup slot no earlier than its goods are ready, under
/// the crowd cap and a per-building cap, minimising weighted waits (CP-SAT over groups of interchangeable
/// households); falls back to the greedy plan when the search finds nothing in time or is cancelled.
/// </summary>
public sealed class PickupSlotPlanner
{
    public PickupSlotPlan Plan(PickupSlotInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var slotCount = (input.DayEndAtSeconds - input.DayStartAtSeconds) / input.SlotSeconds;
        var unassigned = new List<UnassignedHousehold>();
        var groups = Groups(input, slotCount, unassigned);
        var crowdCap = input.Zone.CrowdCap;
        var buildingCap = input.MaxHouseholdsPerBuildingPerSlot;

        var counts = GreedySlots.Plan(groups, slotCount, crowdCap, buildingCap);
        var source = PlanSource.Greedy;
        if (groups.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var model = new PickupSlotModel(groups, slotCount, crowdCap, buildingCap, counts);
            using var solver = new CpSolver();
            var status = model.Solve(solver, input.Limits, cancellationToken);
            if (CpSatSearch.HasSolution(status))
            {
                counts = model.Counts(solver);
                source = CpSatSearch.SourceOf(status);
            }
        }
        else if (groups.Count == 0)
        {
            source = PlanSource.Optimal;
        }

        return ToPlan(input, slotCount, groups, counts, unassigned, source);
    }

    private static int SlotStart(PickupSlotInput input, int slot) => input.DayStartAtSeconds + (slot * input.SlotSeconds);

    private static List<PickupGroup> Groups(PickupSlotInput input, int slotCount, List<UnassignedHousehold> unassigned)
    {
        var members = new Dictionary<(string Building, int FirstSlot, long Weight), List<int>>();
        var order = Enumerable.Range(0, input.Households.Count).OrderBy(i => input.Households[i].ReadyAtSeconds).ThenBy(i => i);
        foreach (var i in order)
        {
            var household = input.Households[i];
            var waitForReady = Math.Max(0, household.ReadyAtSeconds - input.DayStartAtSeconds);
            var firstSlot = (waitForReady + input.SlotSeconds - 1) / input.SlotSeconds;
            if (firstSlot >= slotCount)
            {
                unassigned.Add(new UnassignedHousehold(household.HouseholdId, PickupUnassignedReason.ReadyAfterLastSlot, $"ready at {household.ReadyAtSeconds} s, after the last slot starts"));
                continue;
            }

            var key = (household.Building, firstSlot, household.IsVulnerable ? (long)input.VulnerableWaitWeight : 1L);
            if (!members.TryGetValue(key, out var list))
            {
                members[key] = list = [];
            }

            list.Add(i);
        }

        return members.Select(p => new PickupGroup(p.Key.Building, p.Key.FirstSlot, p.Key.Weight, p.Value)).ToList();
    }

    // Within a group the earliest-ready household takes the earliest slot; the latest-ready are left over.
    private static PickupSlotPlan ToPlan(PickupSlotInput input, int slotCount, List<PickupGroup> groups, int[,] counts, List<UnassignedHousehold> unassigned, PlanSource source)
    {
        var assignments = new List<SlotAssignment>(input.Households.Count);
        var perSlot = new int[slotCount];
        long weightedWait = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            var next = 0;
            for (var k = groups[g].FirstSlot; k < slotCount; k++)
            {
                for (var n = 0; n < counts[g, k]; n++)
                {
                    var household = input.Households[groups[g].Members[next++]];
                    var start = SlotStart(input, k);
                    assignments.Add(new SlotAssignment(household.HouseholdId, k, start, start - household.ReadyAtSeconds));
                    weightedWait += groups[g].Weight * (start - household.ReadyAtSeconds);
                    perSlot[k]++;
                }
            }

            for (; next < groups[g].Size; next++)
            {
                var household = input.Households[groups[g].Members[next]];
                unassigned.Add(new UnassignedHousehold(household.HouseholdId, PickupUnassignedReason.NoRoomBeforeDayEnd, "every slot from its ready time on is full"));
            }
        }

        var slots = Enumerable.Range(0, slotCount)
            .Select(k => new PickupSlot(k, SlotStart(input, k), SlotStart(input, k) + input.SlotSeconds, perSlot[k]))
            .ToList();
        var ordered = assignments.OrderBy(a => a.SlotIndex).ThenBy(a => a.HouseholdId, StringComparer.Ordinal).ToList();
        return new PickupSlotPlan(input.GateId, slots, ordered, unassigned, source, weightedWait);
    }

    private static void Validate(PickupSlotInput input)
    {
        input.Limits.Validate();
        if (input.SlotSeconds <= 0 || input.DayEndAtSeconds < input.DayStartAtSeconds)
        {
            throw new ArgumentException("slots must be positive and the pickup day must not end before it starts", nameof(input));
        }

        if (input.Zone.CrowdCap <= 0 || input.MaxHouseholdsPerBuildingPerSlot <= 0 || input.VulnerableWaitWeight <= 0)
        {
            throw new ArgumentException("crowd cap, building cap and vulnerable weight must be positive", nameof(input));
        }

        if (input.Households.Select(h => h.HouseholdId).Distinct(StringComparer.Ordinal).Count() != input.Households.Count)
        {
            throw new ArgumentException("household ids repeat", nameof(input));
        }
    }
}
