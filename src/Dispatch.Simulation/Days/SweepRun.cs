using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Days;

/// <summary>One point of a sweep: the swept value and the simulation with it.</summary>
public sealed record SweepPoint(double Value, string Setting, SimulationResult Result);

/// <summary>
/// Runs the same simulation once per swept value, <paramref name="parallelRuns"/> at a time; each run plans its gates
/// one at a time so the runs share the cores instead of fighting for them. Points come back in value order.
/// </summary>
public static class SweepRun
{
    public static IReadOnlyList<SweepPoint> Run(
        Scenario scenario,
        IReadOnlyList<ScenarioOverride> overrides,
        Sweep sweep,
        SimulationOptions options,
        int parallelRuns,
        IProgress<SweepPoint>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var points = new SweepPoint[sweep.Values.Count];
        var single = options with { Planning = options.Planning with { ParallelGates = 1 } };
        Parallel.For(
            0,
            points.Length,
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelRuns), CancellationToken = cancellationToken },
            i =>
            {
                var result = new DistrictSimulation().Run(scenario, [.. overrides, sweep.Overrides[i]], single, null, cancellationToken);
                points[i] = new SweepPoint(sweep.Values[i], sweep.Overrides[i].Key + "=" + Setting(sweep.Overrides[i]), result);
                progress?.Report(points[i]);
            });
        return points;
    }

    private static string Setting(ScenarioOverride o) => o switch
    {
        TruckCountOverride t => t.Amount.ToString(),
        VolunteerCountOverride v => v.Amount.ToString(),
        StockOverride s => s.Amount.ToString(),
        GateOverride g => g.Amount.ToString(),
        RateOverride r => r.Share.ToString("P1", System.Globalization.CultureInfo.InvariantCulture),
        _ => "",
    };
}
