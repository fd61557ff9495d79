using System.Collections.Concurrent;
using Dispatch.Domain.Scenarios;

namespace Dispatch.Planning.District;

/// <summary>
/// Measures the bottleneck instead of guessing it: re-plans the day with each resource multiplied by the relax
/// factor and reports how many more households each would serve by the deadline than the plan itself. Stock and
/// trucks change what reaches the gates, so those probes re-plan the whole day; the gate resources (disinfection,
/// volunteers, crowd cap) start from the plan's own trucks and re-plan the gates only.
/// Probes plan the gates with the probe settings (by default the greedy disinfection cycles, without the CP-SAT
/// search), so a probe is compared with a baseline planned the same way from the plan's own trucks, never with the
/// plan: the gain is what the resource changes, not what the search changes. More of a resource leaves the baseline
/// feasible, so a gain is never below zero (a greedy re-plan that does worse with more room must not report the
/// resource as harmful).
/// </summary>
internal sealed class BottleneckProbe(DistrictPlanner planner)
{
    private static readonly PlanResource[] GateResources = [PlanResource.DisinfectionCapacity, PlanResource.Volunteers, PlanResource.PickupCrowdCap];

    public BottleneckReport Measure(PlanningInput input, Plan plan, DayToGates toGates, CancellationToken cancellationToken)
    {
        int factor = Math.Max(2, input.Settings.BottleneckRelaxFactor);
        var settings = ProbeSettings(input.Settings);
        var probeInput = input with { Settings = settings };

        // Whole-day probes run first: they take longest, and the gate probes fill the other core meanwhile.
        var resources = Enum.GetValues<PlanResource>().OrderBy(r => GateResources.Contains(r)).ThenBy(r => r).ToList();
        var runs = resources.Cast<PlanResource?>().Append(null).ToList();
        var served = new ConcurrentDictionary<int, int>();
        Parallel.ForEach(
            Partitioner.Create(runs, EnumerablePartitionerOptions.NoBuffering),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, input.Settings.ParallelGates) },
            resource =>
            {
                var probe = resource switch
                {
                    null => planner.PlanGates(probeInput, toGates, null, cancellationToken),
                    { } r when GateResources.Contains(r) => planner.PlanGates(probeInput with { Scenario = ResourceRelaxation.Relax(input.Scenario, r, factor) }, toGates, null, cancellationToken),
                    { } r => planner.PlanWithoutProbe(probeInput with { Scenario = ResourceRelaxation.Relax(input.Scenario, r, factor) }, null, cancellationToken),
                };
                served[resource is { } k ? (int)k : -1] = probe.Kpis.HouseholdsServedByDeadline;
            });

        int baseline = plan.Kpis.HouseholdsServedByDeadline;
        int probeBaseline = served[-1];
        var probes = new List<BottleneckProbeResult>();
        foreach (var resource in Enum.GetValues<PlanResource>())
        {
            int gain = Math.Max(0, served[(int)resource] - probeBaseline);
            probes.Add(new BottleneckProbeResult(resource, baseline + gain, gain));
        }

        var best = probes.OrderByDescending(p => p.Gain).ThenBy(p => p.Resource).First();
        return new BottleneckReport(best.Gain > 0 ? best.Resource : null, baseline, probes);
    }

    /// <summary>
    /// The plan's own settings (trucks, service targets, zones) with the probe settings' gate search: the whole-day
    /// probes then route trucks as the plan did, and the baseline planned from the plan's trucks is what a probe
    /// with nothing relaxed would give.
    /// </summary>
    private static PlanningSettings ProbeSettings(PlanningSettings plan)
    {
        var probe = plan.ProbeSettings ?? PlanningSettings.Quick;
        return plan with
        {
            ParallelGates = 1,
            ProbeBottleneck = false,
            ProbeSettings = null,
            CycleLimits = probe.CycleLimits,
            SlotLimits = probe.SlotLimits,
            DoorTimeLimitPerGate = probe.DoorTimeLimitPerGate,
            CycleSearch = probe.CycleSearch,
        };
    }
}
