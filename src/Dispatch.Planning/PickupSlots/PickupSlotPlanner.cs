using Google.OrTools.Sat;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Gives each medium-risk household at a gate one pickup slot no earlier than its goods are ready, under
/// the crowd cap and a per-building cap, minimising weighted waits (CP-SAT over classes of households of
/// one building and weight); falls back to the greedy plan when the search finds nothing in time or is cancelled,
/// and lifts the building cap when keeping it would leave households without a slot.
/// </summary>
public sealed class PickupSlotPlanner
{
    public PickupSlotPlan Plan(PickupSlotInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);
        var plan = PlanUnderBuildingCap(input, input.MaxHouseholdsPerBuildingPerSlot, cancellationToken);

        // Spreading a building is a courtesy, seating a household is the job: when the building cap leaves
        // households without a slot, plan again without it and keep that plan if it seats more (by wait weight).
        if (input.MaxHouseholdsPerBuildingPerSlot < input.Zone.CrowdCap
            && plan.Unassigned.Any(u => u.Reason == PickupUnassignedReason.NoRoomBeforeDayEnd)
            && !cancellationToken.IsCancellationRequested)
        {
            var relaxed = PlanUnderBuildingCap(input, input.Zone.CrowdCap, cancellationToken);
            if (UnseatedWeight(input, relaxed) < UnseatedWeight(input, plan))
            {
                return relaxed;
            }
        }

        return plan;
    }

    private static long UnseatedWeight(PickupSlotInput input, PickupSlotPlan plan)
    {
        var vulnerable = input.Households.Where(h => h.IsVulnerable).Select(h => h.HouseholdId).ToHashSet(StringComparer.Ordinal);
        return plan.Unassigned.Sum(u => vulnerable.Contains(u.HouseholdId) ? (long)input.VulnerableWaitWeight : 1L);
    }

    private static PickupSlotPlan PlanUnderBuildingCap(PickupSlotInput input, int buildingCap, CancellationToken cancellationToken)
    {
        var slotCount = (input.DayEndAtSeconds - input.DayStartAtSeconds) / input.SlotSeconds;
        var unassigned = new List<UnassignedHousehold>();
        var classes = Classes(input, slotCount, unassigned);
        var crowdCap = input.Zone.CrowdCap;

        var counts = GreedySlots.Plan(classes, slotCount, crowdCap, buildingCap);
        var source = PlanSource.Greedy;
        if (classes.Count > 0 && !cancellationToken.IsCancellationRequested)
        {
            var model = new PickupSlotModel(classes, slotCount, crowdCap, buildingCap, counts);
            using var solver = new CpSolver();
            var status = model.Solve(solver, input.Limits, cancellationToken);
            if (CpSatSearch.HasSolution(status))
            {
                counts = model.Counts(solver);
                source = CpSatSearch.SourceOf(status);
            }
        }
        else if (classes.Count == 0)
        {
            source = PlanSource.Optimal;
        }

        return ToPlan(input, slotCount, buildingCap, classes, counts, unassigned, source);
    }

    private static int SlotStart(PickupSlotInput input, int slot) => input.DayStartAtSeconds + (slot * input.SlotSeconds);

    private static List<PickupClass> Classes(PickupSlotInput input, int slotCount, List<UnassignedHousehold> unassigned)
    {
        var members = new Dictionary<(string Building, long Weight), (List<int> Members, List<int> FirstSlots)>();
        var order = Enumerable.Range(0, input.Households.Count).OrderBy(i => input.Households[i].ReadyAtSeconds).ThenBy(i => i);
        foreach (var i in order)
        {
            var household = input.Households[i];
            var waitForReady = Math.Max(0, household.ReadyAtSeconds - input.DayStartAtSeconds);
            var firstSlot = (waitForReady + input.SlotSeconds - 1) / input.SlotSeconds;
            if (firstSlot >= slotCount)
            {
                unassigned.Add(UnassignedHousehold.ReadyAfterLastSlot(household));
                continue;
            }

            var key = (household.Building, household.IsVulnerable ? (long)input.VulnerableWaitWeight : 1L);
            if (!members.TryGetValue(key, out var lists))
            {
                members[key] = lists = ([], []);
            }

            lists.Members.Add(i);
            lists.FirstSlots.Add(firstSlot);
        }

        return members.Select(p => new PickupClass(p.Key.Building, p.Key.Weight, p.Value.Members, p.Value.FirstSlots)).ToList();
    }

    // Within a class the slots go out in time order to households in ready order; the latest-ready are left over.
    private static PickupSlotPlan ToPlan(PickupSlotInput input, int slotCount, int buildingCap, List<PickupClass> classes, int[,] counts, List<UnassignedHousehold> unassigned, PlanSource source)
    {
        var assignments = new List<SlotAssignment>(input.Households.Count);
        var perSlot = new int[slotCount];
        long weightedWait = 0;
        for (var c = 0; c < classes.Count; c++)
        {
            var next = 0;
            for (var k = classes[c].EarliestSlot; k < slotCount; k++)
            {
                for (var n = 0; n < counts[c, k]; n++)
                {
                    var household = input.Households[classes[c].Members[next++]];
                    var start = SlotStart(input, k);
                    assignments.Add(new SlotAssignment(household.HouseholdId, k, start, start - household.ReadyAtSeconds));
                    weightedWait += classes[c].Weight * (start - household.ReadyAtSeconds);
                    perSlot[k]++;
                }
            }

            for (; next < classes[c].Size; next++)
            {
                var household = input.Households[classes[c].Members[next]];
                unassigned.Add(UnassignedHousehold.NoRoom(household));
            }
        }

        var slots = Enumerable.Range(0, slotCount)
            .Select(k => new PickupSlot(k, SlotStart(input, k), SlotStart(input, k) + input.SlotSeconds, perSlot[k]))
            .ToList();
        var ordered = assignments.OrderBy(a => a.SlotIndex).ThenBy(a => a.HouseholdId, StringComparer.Ordinal).ToList();
        return new PickupSlotPlan(input.GateId, slots, ordered, unassigned, source, weightedWait, buildingCap);
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
