using Dispatch.Domain.Scenarios;

namespace Dispatch.Planning.District;

/// <summary>
/// Measures the bottleneck instead of guessing it: re-plans the day with quick settings, once as it is and once
/// with each resource multiplied by the relax factor, and reports how many more households each would serve by
/// the deadline.
/// </summary>
internal sealed class BottleneckProbe(DistrictPlanner planner)
{
    public BottleneckReport Measure(PlanningInput input, CancellationToken cancellationToken)
    {
        int factor = Math.Max(2, input.Settings.BottleneckRelaxFactor);
        var quick = (input.Settings.ProbeSettings ?? PlanningSettings.Quick) with
        {
            ParallelGates = 1,
            ServeByDeadlineSeconds = input.Settings.ServeByDeadlineSeconds,
            PickupOpensAtSeconds = input.Settings.PickupOpensAtSeconds,
            PickupClosesAtSeconds = input.Settings.PickupClosesAtSeconds,
            SlotSeconds = input.Settings.SlotSeconds,
            MaxHouseholdsPerBuildingPerSlot = input.Settings.MaxHouseholdsPerBuildingPerSlot,
            Door = input.Settings.Door,
        };
        var variants = new List<(PlanResource? Resource, Scenario Scenario)> { (null, input.Scenario) };
        variants.AddRange(Enum.GetValues<PlanResource>().Select(r => ((PlanResource?)r, ResourceRelaxation.Relax(input.Scenario, r, factor))));

        var served = new int[variants.Count];
        Parallel.For(
            0,
            variants.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, input.Settings.ParallelGates) },
            i =>
            {
                var probe = input with { Scenario = variants[i].Scenario, Settings = quick };
                served[i] = planner.PlanWithoutProbe(probe, null, cancellationToken).Kpis.HouseholdsServedByDeadline;
            });

        var probes = variants.Skip(1).Select((v, i) => new BottleneckProbeResult(v.Resource!.Value, served[i + 1], served[i + 1] - served[0])).ToList();
        var best = probes.OrderByDescending(p => p.Gain).ThenBy(p => p.Resource).First();
        return new BottleneckReport(best.Gain > 0 ? best.Resource : null, served[0], probes);
    }
}
