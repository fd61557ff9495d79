using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Checks;

/// <summary>Rules a gate's disinfection plan must keep, checked without knowing how it was found.</summary>
public static class DisinfectionChecks
{
    /// <summary>Returns one line per broken rule; empty when the plan is sound.</summary>
    public static IReadOnlyList<string> Violations(GateArrivals gate, GateCyclePlan plan)
    {
        var violations = new List<string>();
        var zone = gate.Disinfection;
        var consignments = gate.Consignments.ToDictionary(c => c.Id, StringComparer.Ordinal);
        var grams = new Dictionary<string, long>(StringComparer.Ordinal);
        var lastEnd = new Dictionary<string, int>(StringComparer.Ordinal);

        DisinfectionCycle? previous = null;
        foreach (var cycle in plan.Cycles)
        {
            if (cycle.EndAtSeconds - cycle.StartAtSeconds != zone.CycleSeconds)
            {
                violations.Add($"cycle at {cycle.StartAtSeconds} lasts {cycle.EndAtSeconds - cycle.StartAtSeconds} s, not {zone.CycleSeconds} s");
            }

            if (cycle.StartAtSeconds < gate.OpensAtSeconds)
            {
                violations.Add($"cycle at {cycle.StartAtSeconds} starts before the gate opens at {gate.OpensAtSeconds}");
            }

            if (previous is not null && cycle.StartAtSeconds < previous.EndAtSeconds)
            {
                violations.Add($"cycle at {cycle.StartAtSeconds} overlaps the cycle ending at {previous.EndAtSeconds}");
            }

            if (cycle.LoadGrams > zone.CapacityGramsPerCycle)
            {
                violations.Add($"cycle at {cycle.StartAtSeconds} holds {cycle.LoadGrams} g over capacity {zone.CapacityGramsPerCycle} g");
            }

            foreach (var load in cycle.Loads)
            {
                if (!consignments.TryGetValue(load.ConsignmentId, out var consignment))
                {
                    violations.Add($"cycle at {cycle.StartAtSeconds} holds unknown consignment {load.ConsignmentId}");
                    continue;
                }

                if (load.WeightGrams <= 0 || load.WeightGrams % consignment.PieceGrams != 0)
                {
                    violations.Add($"cycle at {cycle.StartAtSeconds} holds {load.WeightGrams} g of {load.ConsignmentId}, not a positive whole number of {consignment.PieceGrams} g pieces");
                }

                if (cycle.StartAtSeconds < consignment.ArrivalAtSeconds)
                {
                    violations.Add($"consignment {load.ConsignmentId} enters the cycle at {cycle.StartAtSeconds} before arriving at {consignment.ArrivalAtSeconds}");
                }

                grams[load.ConsignmentId] = grams.GetValueOrDefault(load.ConsignmentId) + load.WeightGrams;
                lastEnd[load.ConsignmentId] = Math.Max(lastEnd.GetValueOrDefault(load.ConsignmentId), cycle.EndAtSeconds);
            }

            previous = cycle;
        }

        foreach (var consignment in gate.Consignments)
        {
            if (grams.GetValueOrDefault(consignment.Id) != consignment.WeightGrams)
            {
                violations.Add($"consignment {consignment.Id}: {grams.GetValueOrDefault(consignment.Id)} g disinfected of {consignment.WeightGrams} g");
            }
        }

        var releases = plan.Releases.ToDictionary(r => r.ConsignmentId, r => r.ReleaseAtSeconds, StringComparer.Ordinal);
        foreach (var consignment in gate.Consignments)
        {
            if (!releases.TryGetValue(consignment.Id, out var release))
            {
                violations.Add($"consignment {consignment.Id} has no release time");
                continue;
            }

            if (release < consignment.ArrivalAtSeconds + zone.CycleSeconds)
            {
                violations.Add($"consignment {consignment.Id} released at {release}, before arrival + one cycle");
            }

            if (lastEnd.TryGetValue(consignment.Id, out var end) && release < end)
            {
                violations.Add($"consignment {consignment.Id} released at {release}, before its last cycle ends at {end}");
            }
        }

        violations.AddRange(StorageViolations(gate, plan));
        return violations;
    }

    // Storage is fullest at a release instant: check the load held at each cycle end.
    private static IEnumerable<string> StorageViolations(GateArrivals gate, GateCyclePlan plan)
    {
        if (gate.StorageDwellSeconds <= 0)
        {
            yield break;
        }

        foreach (var at in plan.Cycles.Select(c => c.EndAtSeconds).Distinct())
        {
            var held = plan.Cycles
                .Where(c => c.EndAtSeconds <= at && c.EndAtSeconds + gate.StorageDwellSeconds > at)
                .Sum(c => c.LoadGrams);
            if (held > gate.Storage.CapacityGrams)
            {
                yield return $"storage holds {held} g at {at}, over capacity {gate.Storage.CapacityGrams} g";
            }
        }
    }
}
