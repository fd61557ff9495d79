using Dispatch.Domain.Scenarios;

namespace Dispatch.Planning.District;

/// <summary>
/// Measures the bottleneck instead of guessing it: re-plans the day with each resource multiplied by the relax
/// factor and reports how many more households each would serve by the deadline than the plan itself. Stock and
/// trucks change what reaches the gates, so those probes re-plan the whole day (with the probe settings); the gate
/// resources (disinfection, volunteers, crowd cap) start from the plan's own trucks and re-plan the gates only.
/// More of a resource leaves the plan itself feasible, so a probe serves at least what the plan serves: each probe
/// is the better of its re-plan and the plan (a greedy re-plan that does worse with more room must not report the
/// resource as harmful).
/// </summary>
internal sealed class BottleneckProbe(DistrictPlanner planner)
{
    private static readonly PlanResource[] GateResources = [PlanResource.DisinfectionCapacity, PlanResource.Volunteers, PlanResource.PickupCrowdCap];

    public BottleneckReport Measure(PlanningInput input, Plan plan, DayToGates toGates, CancellationToken cancellationToken)
    {
        int factor = Math.Max(2, input.Settings.BottleneckRelaxFactor);
        var whole = (input.Settings.ProbeSettings ?? PlanningSettings.Quick) with
        {
            ParallelGates = 1,
            ProbeBottleneck = false,
            ServeByDeadlineSeconds = input.Settings.ServeByDeadlineSeconds,
            PickupOpensAtSeconds = input.Settings.PickupOpensAtSeconds,
            PickupClosesAtSeconds = input.Settings.PickupClosesAtSeconds,
            SlotSeconds = input.Settings.SlotSeconds,
            FreePickupWindowSeconds = input.Settings.FreePickupWindowSeconds,
            MaxHouseholdsPerBuildingPerSlot = input.Settings.MaxHouseholdsPerBuildingPerSlot,
            Door = input.Settings.Door,
        };
        var gatesOnly = input.Settings with { ParallelGates = 1, ProbeBottleneck = false };
        var resources = Enum.GetValues<PlanResource>();
        int baseline = plan.Kpis.HouseholdsServedByDeadline;
        var served = new int[resources.Length];
        Parallel.For(
            0,
            resources.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, input.Settings.ParallelGates) },
            i =>
            {
                var relaxed = ResourceRelaxation.Relax(input.Scenario, resources[i], factor);
                var probe = GateResources.Contains(resources[i])
                    ? planner.PlanGates(input with { Scenario = relaxed, Settings = gatesOnly }, toGates, null, cancellationToken)
                    : planner.PlanWithoutProbe(input with { Scenario = relaxed, Settings = whole }, null, cancellationToken);
                served[i] = Math.Max(baseline, probe.Kpis.HouseholdsServedByDeadline);
            });

        var probes = resources.Select((r, i) => new BottleneckProbeResult(r, served[i], served[i] - baseline)).ToList();
        var best = probes.OrderByDescending(p => p.Gain).ThenBy(p => p.Resource).First();
        return new BottleneckReport(best.Gain > 0 ? best.Resource : null, baseline, probes);
    }
}
