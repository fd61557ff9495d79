namespace Dispatch.Planning.Routing;

/// <summary>
/// Solves a <see cref="RoutingProblem"/>: the routing model shared by the truck and door planners.
/// Stops no vehicle could serve even alone are reported with their reason without being searched;
/// the rest go to the solver, and what it drops is reported as "no capacity or time left".
/// </summary>
public sealed class VehicleRoutingSolver
{
    // Tried in this order by parallel workers. On Solomon, cheapest insertion starts best where windows are
    // tight (R1, RC1) and savings where they are wide (R2, RC2); both found a first solution everywhere.
    private static readonly FirstSolution[] s_alternatives =
    [
        FirstSolution.ParallelCheapestInsertion,
        FirstSolution.Savings,
        FirstSolution.LocalCheapestInsertion,
        FirstSolution.Christofides,
    ];

    /// <summary>The best solution found within the options' limits, or when <paramref name="cancellation"/> fires.</summary>
    public RoutingSolution Solve(RoutingProblem problem, RoutingOptions options, CancellationToken cancellation = default)
    {
        var excluded = new List<UnassignedStop>();
        var modelStops = new List<int>();
        var fixedIds = problem.Vehicles
            .SelectMany(v => v.FixedTrips ?? [])
            .SelectMany(t => t)
            .ToHashSet();
        for (int s = 0; s < problem.Stops.Count; s++)
        {
            var why = fixedIds.Contains(problem.Stops[s].Id) ? null : StopFeasibility.WhyUnservable(problem, s);
            if (why is { } reason)
            {
                excluded.Add(new UnassignedStop(problem.Stops[s].Id, s, reason.Reason, reason.Detail));
            }
            else
            {
                modelStops.Add(s);
            }
        }

        if (modelStops.Count == 0 || problem.Vehicles.Count == 0)
        {
            return new RoutingSolution(true, 0, [], excluded);
        }

        var strategies = options.Strategies(s_alternatives);
        var solutions = strategies.Count == 1
            ? [SolveOnce(problem, modelStops, options, strategies[0], cancellation)]
            : strategies.AsParallel().WithDegreeOfParallelism(strategies.Count)
                .Select(strategy => SolveOnce(problem, modelStops, options, strategy, cancellation))
                .ToList();
        var best = solutions.Where(s => s is not null).MinBy(s => s!.Cost);
        if (best is null)
        {
            var none = modelStops.Select(s => new UnassignedStop(
                problem.Stops[s].Id, s, UnassignedReason.NoSolutionFound, "no solution found within the time limit"));
            return new RoutingSolution(false, 0, [], [.. excluded, .. none]);
        }

        return best with { Unassigned = [.. excluded, .. best.Unassigned] };
    }

    private static RoutingSolution? SolveOnce(
        RoutingProblem problem, IReadOnlyList<int> modelStops, RoutingOptions options, SearchStrategy strategy, CancellationToken cancellation)
    {
        var model = new OrToolsRoutingModel(problem, modelStops, strategy.Improvement == Improvement.RuinAndRecreate);
        return model.Solve(options, strategy, cancellation);
    }
}
