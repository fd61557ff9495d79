using Dispatch.Domain.Cities;
using Dispatch.Domain.Geography;
using Dispatch.Domain.Scenarios;
using Dispatch.Simulation.Days;
using Dispatch.Simulation.WhatIf;

namespace Dispatch.Simulation.Cities;

/// <summary>
/// Simulates every district of a city with <see cref="DistrictSimulation"/>, <c>parallelDistricts</c> at a time, each
/// with its own seed (<see cref="CitySeeds"/>); with moves between districts, the districts they touch are simulated
/// again with the moves applied. Every run writes its own slot, so the result does not depend on which run finishes
/// first: the same city, overrides, moves and seed give the same result.
/// </summary>
public static class CitySimulation
{
    /// <param name="overrides">Each district's what-if overrides (its own <c>what-if.txt</c>, the command line's); none when absent.</param>
    /// <param name="options">The simulation's options; <see cref="SimulationOptions.Seed"/> is the city's seed.</param>
    /// <exception cref="ArgumentException">A move or an override the city cannot take (unknown district, more than a district has).</exception>
    public static CityResult Run(
        LoadedCity city,
        IReadOnlyDictionary<DistrictId, IReadOnlyList<ScenarioOverride>> overrides,
        IReadOnlyList<DistrictMove> moves,
        SimulationOptions options,
        int parallelDistricts,
        IProgress<CityProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var scenarios = city.Districts.ToDictionary(d => d.District.Id, d => d.Scenario);
        var moved = DistrictMoves.Apply(scenarios, moves);
        var touched = DistrictMoves.Touched(moves);
        foreach (var d in city.Districts)
        {
            if (WhatIfScenario.Problems(d.Scenario, OverridesOf(overrides, d.District.Id)) is [var problem, ..])
            {
                throw new ArgumentException($"district {d.District.Id}: {problem}");
            }
        }

        var work = city.Districts.Select(d => (District: d, AfterMoves: false, Scenario: d.Scenario))
            .Concat(city.Districts.Where(d => touched.Contains(d.District.Id)).Select(d => (District: d, AfterMoves: true, Scenario: moved[d.District.Id])))
            .ToList();
        int parallel = Math.Clamp(parallelDistricts, 1, Math.Max(1, work.Count));

        // The runs share the cores: each plans its gates with what is left to it.
        var perRun = options with { Planning = options.Planning with { ParallelGates = Math.Max(1, options.Planning.ParallelGates / parallel) } };
        var runs = new DistrictRun[work.Count];
        Parallel.For(
            0,
            work.Count,
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            i =>
            {
                var (district, afterMoves, scenario) = work[i];
                var id = district.District.Id;
                int seed = CitySeeds.ForDistrict(options.Seed, id);
                var dayProgress = progress is null
                    ? null
                    : new ForwardedProgress(p => progress.Report(new CityProgress(id, afterMoves, p.Day, p.Days, p.Stage, Finished: false)));
                var result = new DistrictSimulation().Run(scenario, OverridesOf(overrides, id), perRun with { Seed = seed }, dayProgress, cancellationToken);
                runs[i] = new DistrictRun(id, district.District.Name, seed, DistrictResources.Of(WhatIfScenario.ApplyResources(scenario, OverridesOf(overrides, id))), result);
                progress?.Report(new CityProgress(id, afterMoves, options.Days, options.Days, "done", Finished: true));
            });

        var before = runs.Take(city.Districts.Count).ToList();
        if (moves.Count == 0)
        {
            return new CityResult(before, null, moves);
        }

        var again = runs.Skip(city.Districts.Count).ToDictionary(r => r.District);
        var after = before.Select(r => again.GetValueOrDefault(r.District) ?? r).ToList();
        return new CityResult(before, after, moves);
    }

    private static IReadOnlyList<ScenarioOverride> OverridesOf(IReadOnlyDictionary<DistrictId, IReadOnlyList<ScenarioOverride>> overrides, DistrictId id) =>
        overrides.TryGetValue(id, out var list) ? list : [];

    /// <summary>Reports on the caller's thread: <see cref="Progress{T}"/> would post to the thread pool out of order.</summary>
    private sealed class ForwardedProgress(Action<SimulationProgress> report) : IProgress<SimulationProgress>
    {
        public void Report(SimulationProgress value) => report(value);
    }
}
