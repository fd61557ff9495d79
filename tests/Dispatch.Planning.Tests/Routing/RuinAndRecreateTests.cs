using System.Diagnostics;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Validation;

namespace Dispatch.Planning.Tests.Routing;

public class RuinAndRecreateTests
{
    private readonly VehicleRoutingSolver _solver = new();

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Ruin_and_recreate_is_feasible_and_no_worse_than_plain_local_search(int seed)
    {
        var problem = RandomProblems.Make(seed, stopCount: 30, vehicleCount: 4);

        // Several trips per vehicle and ready times keep this problem with OR-Tools' own ruin and recreate, which runs
        // until its time limit; local search stops at its local optimum well inside its own. Ruin and recreate gets the
        // longer limit so that a loaded machine (CI runs test assemblies side by side) still leaves it enough search.
        var plain = _solver.Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(3), Improvement: Improvement.LocalSearch));
        var ruined = _solver.Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(8), Improvement: Improvement.RuinAndRecreate));

        Assert.True(ruined.Found);
        Assert.Empty(RouteChecker.Check(problem, ruined));
        Assert.True(ruined.Cost <= plain.Cost, $"ruin and recreate {ruined.Cost} > local search {plain.Cost}");
    }

    [Fact]
    public void Cancellation_ends_ruin_and_recreate_promptly_with_a_feasible_solution()
    {
        var problem = RandomProblems.Make(24, stopCount: 40, vehicleCount: 4);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = Stopwatch.StartNew();

        var solution = _solver.Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(60), Improvement: Improvement.RuinAndRecreate), cancellation.Token);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }
}
