namespace Dispatch.Planning.GateCycles;

/// <summary>
/// A gate's proposed cycles after some of its goods were taken off the trucks: each consignment keeps its earliest
/// loads up to its new weight, and cycles left empty drop out. The cycles' start times stay valid (no arrival
/// moves), so a gate's day can be planned again from the proposal without searching its cycles again.
/// </summary>
internal static class TrimmedCycles
{
    public static GateCyclePlan To(GateCyclePlan proposed, IReadOnlyList<Consignment> consignments)
    {
        var left = consignments.ToDictionary(c => c.Id, c => c.WeightGrams, StringComparer.Ordinal);
        var cycles = new List<DisinfectionCycle>(proposed.Cycles.Count);
        foreach (var cycle in proposed.Cycles.OrderBy(c => c.StartAtSeconds))
        {
            var loads = new List<CycleLoad>(cycle.Loads.Count);
            foreach (var load in cycle.Loads)
            {
                long grams = Math.Min(load.WeightGrams, left.GetValueOrDefault(load.ConsignmentId));
                if (grams > 0)
                {
                    loads.Add(load with { WeightGrams = grams });
                    left[load.ConsignmentId] -= grams;
                }
            }

            if (loads.Count > 0)
            {
                cycles.Add(cycle with { Loads = loads });
            }
        }

        var unplaced = left.Where(l => l.Value > 0).Select(l => l.Key).Order(StringComparer.Ordinal).ToList();
        if (unplaced.Count > 0)
        {
            throw new ArgumentException($"consignments {string.Join(", ", unplaced)} weigh more than the proposal carried", nameof(consignments));
        }

        return proposed with { Cycles = cycles, Releases = [] };
    }
}
