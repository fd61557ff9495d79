using Dispatch.Domain.Geography;

namespace Dispatch.Planning.GateCycles;

/// <summary>
/// First-fit: each cycle starts as soon as the zone is free and goods are waiting, takes waiting
/// consignments whole in the given order while they fit, then tops up with part of the next.
/// Always feasible; the fallback and the CP-SAT hint.
/// </summary>
internal static class GreedyCycles
{
    private const int MaxImprovingPasses = 20;

    /// <summary>
    /// The better of earliest-arrival and priority-per-gram first-fit, then improved by swapping neighbours
    /// in the preference order while that lowers the weighted release.
    /// </summary>
    public static List<DisinfectionCycle> Best(GateArrivals gate, int vulnerableHouseholdWeight)
    {
        var byArrival = gate.Consignments.Select((c, i) => (c, i)).OrderBy(p => p.c.ArrivalAtSeconds).ThenBy(p => p.i).Select(p => p.c).ToArray();

        // Smith's rule: the most priority per gram of zone capacity goes first among goods already waiting.
        var byDensity = gate.Consignments.Select((c, i) => (c, i))
            .OrderByDescending(p => (double)p.c.PriorityWeight(vulnerableHouseholdWeight) / p.c.WeightGrams)
            .ThenBy(p => p.c.ArrivalAtSeconds).ThenBy(p => p.i).Select(p => p.c).ToArray();

        var arrivalPlan = Plan(gate, byArrival);
        var densityPlan = Plan(gate, byDensity);
        var arrivalCost = WeightedRelease(gate, arrivalPlan, vulnerableHouseholdWeight);
        var densityCost = WeightedRelease(gate, densityPlan, vulnerableHouseholdWeight);
        return densityCost < arrivalCost
            ? ImproveBySwaps(gate, vulnerableHouseholdWeight, byDensity, densityPlan, densityCost)
            : ImproveBySwaps(gate, vulnerableHouseholdWeight, byArrival, arrivalPlan, arrivalCost);
    }

    private static List<DisinfectionCycle> ImproveBySwaps(GateArrivals gate, int vulnerableHouseholdWeight, Consignment[] order, List<DisinfectionCycle> plan, long cost)
    {
        for (var pass = 0; pass < MaxImprovingPasses; pass++)
        {
            var improved = false;
            for (var i = 0; i + 1 < order.Length; i++)
            {
                (order[i], order[i + 1]) = (order[i + 1], order[i]);
                var candidate = Plan(gate, order);
                var candidateCost = WeightedRelease(gate, candidate, vulnerableHouseholdWeight);
                if (candidateCost < cost)
                {
                    (plan, cost, improved) = (candidate, candidateCost, true);
                }
                else
                {
                    (order[i], order[i + 1]) = (order[i + 1], order[i]);
                }
            }

            if (!improved)
            {
                break;
            }
        }

        return plan;
    }

    public static long WeightedRelease(GateArrivals gate, IReadOnlyList<DisinfectionCycle> cycles, int vulnerableHouseholdWeight)
    {
        var last = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cycle in cycles)
        {
            foreach (var load in cycle.Loads)
            {
                last[load.ConsignmentId] = Math.Max(last.GetValueOrDefault(load.ConsignmentId), cycle.EndAtSeconds);
            }
        }

        return gate.Consignments.Sum(c => c.PriorityWeight(vulnerableHouseholdWeight) * last[c.Id]);
    }

    /// <summary>First-fit taking waiting consignments in <paramref name="preference"/> order.</summary>
    /// <param name="earlier">Cycles already planned at the gate: the new ones follow them and share the storage zone with their goods.</param>
    public static List<DisinfectionCycle> Plan(GateArrivals gate, IEnumerable<Consignment> preference, IReadOnlyList<DisinfectionCycle>? earlier = null)
    {
        var zone = gate.Disinfection;
        var order = preference.ToList();
        var remaining = order.Select(c => c.WeightGrams).ToArray();
        var cycles = new List<DisinfectionCycle>(earlier ?? []);
        var time = Math.Max(gate.OpensAtSeconds, cycles.Count == 0 ? 0 : cycles.Max(c => c.EndAtSeconds));
        var left = order.Count;

        while (left > 0)
        {
            time = Math.Max(time, order.Where((_, i) => remaining[i] > 0).Min(c => c.ArrivalAtSeconds));
            var smallestPiece = order.Where((c, i) => remaining[i] > 0 && c.ArrivalAtSeconds <= time).Min(c => c.PieceGrams);
            time = WaitForStorageRoom(gate, cycles, time, smallestPiece);
            var room = Math.Min(zone.CapacityGramsPerCycle, StorageRoom(gate, cycles, time + zone.CycleSeconds));
            var loads = new List<CycleLoad>();

            for (var i = 0; i < order.Count && room > 0; i++)
            {
                if (remaining[i] > 0 && order[i].ArrivalAtSeconds <= time && remaining[i] <= room)
                {
                    loads.Add(new CycleLoad(order[i].Id, remaining[i]));
                    room -= remaining[i];
                    remaining[i] = 0;
                    left--;
                }
            }

            for (var i = 0; i < order.Count && room > 0; i++)
            {
                var part = room / order[i].PieceGrams * order[i].PieceGrams;
                if (remaining[i] > 0 && order[i].ArrivalAtSeconds <= time && part > 0)
                {
                    loads.Add(new CycleLoad(order[i].Id, part));
                    remaining[i] -= part;
                    room -= part;
                }
            }

            cycles.Add(new DisinfectionCycle(time, time + zone.CycleSeconds, loads));
            time += zone.CycleSeconds;
        }

        return earlier is null ? cycles : cycles.Skip(earlier.Count).ToList();
    }

    // Goods released at `releaseAtSeconds` stay in storage for the dwell; earlier cycles released earlier,
    // so the storage is fullest at the moment of release.
    private static long StorageRoom(GateArrivals gate, List<DisinfectionCycle> cycles, int releaseAtSeconds)
    {
        if (gate.StorageDwellSeconds <= 0)
        {
            return long.MaxValue;
        }

        var held = cycles.Where(c => c.EndAtSeconds + gate.StorageDwellSeconds > releaseAtSeconds).Sum(c => c.LoadGrams);
        return gate.Storage.CapacityGrams - held;
    }

    private static int WaitForStorageRoom(GateArrivals gate, List<DisinfectionCycle> cycles, int time, long neededGrams)
    {
        var cycleSeconds = gate.Disinfection.CycleSeconds;
        while (StorageRoom(gate, cycles, time + cycleSeconds) < neededGrams)
        {
            time = cycles
                .Select(c => c.EndAtSeconds + gate.StorageDwellSeconds - cycleSeconds)
                .Where(t => t > time)
                .Min();
        }

        return time;
    }
}
