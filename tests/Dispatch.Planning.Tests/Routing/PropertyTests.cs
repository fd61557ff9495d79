using Dispatch.Planning.Routing;
using Dispatch.Planning.Validation;

namespace Dispatch.Planning.Tests.Routing;

public class PropertyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Solutions_of_random_problems_pass_the_checker(int seed)
    {
        var problem = RandomProblems.Make(seed, stopCount: 25, vehicleCount: 3);

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(0.5)));

        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }

    [Fact]
    public void First_solution_only_is_also_feasible()
    {
        var problem = RandomProblems.Make(7, stopCount: 40, vehicleCount: 4);

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(5), FirstSolution.LocalCheapestInsertion, SolutionLimit: 1));

        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }

    [Fact]
    public void Two_parallel_workers_return_a_feasible_best()
    {
        var problem = RandomProblems.Make(11, stopCount: 25, vehicleCount: 3);

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(0.5), Workers: 2));

        Assert.Empty(RouteChecker.Check(problem, solution));
    }

    [Fact]
    public void A_portfolio_of_strategies_returns_a_feasible_best()
    {
        var problem = RandomProblems.Make(12, stopCount: 25, vehicleCount: 3);

        var solution = new VehicleRoutingSolver().Solve(
            problem,
            new RoutingOptions(TimeSpan.FromSeconds(0.5), Portfolio: RoutingOptions.TightAndWideWindows));

        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }

    [Fact]
    public void Cancellation_returns_promptly_with_the_best_solution_so_far()
    {
        var problem = RandomProblems.Make(13, stopCount: 40, vehicleCount: 4);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(5)), cancellation.Token);

        // Generous: the solver stops at its next periodic check once it has a first solution.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }

    [Fact]
    public void Cancelled_before_starting_still_returns_a_first_solution()
    {
        var problem = RandomProblems.Make(17, stopCount: 30, vehicleCount: 3);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(5)), cancellation.Token);

        Assert.True(solution.Found);
        Assert.Empty(RouteChecker.Check(problem, solution));
    }
}
