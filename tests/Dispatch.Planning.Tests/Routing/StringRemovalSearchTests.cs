using System.Diagnostics;
using Dispatch.Planning.Routing;
using Dispatch.Planning.Routing.StringRemovals;
using Dispatch.Planning.Validation;

namespace Dispatch.Planning.Tests.Routing;

/// <summary>The string-removal search against exhaustive search on small cases, and as the solver's ruin and recreate.</summary>
public class StringRemovalSearchTests
{
    private static readonly TimeSpan s_noCap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Small_windowed_problems_reach_the_exhaustive_optimum(int seed)
    {
        var problem = SmallProblem(seed);

        var found = SearchFromEmptyRoutes(problem, seed);

        Assert.Equal(ExhaustiveOptimum(problem), found.Cost);
        Assert.Equal(3_000, found.Iterations);
    }

    [Fact]
    public void The_same_seed_and_iterations_give_the_same_routes()
    {
        var problem = SingleTripProblem(7, stopCount: 60, vehicleCount: 6);
        var options = new RoutingOptions(TimeSpan.FromMinutes(2), Improvement: Improvement.RuinAndRecreate, RuinAndRecreate: new RuinAndRecreateSettings(Iterations: 5_000, Seed: 3));

        var once = new VehicleRoutingSolver().Solve(problem, options);
        var again = new VehicleRoutingSolver().Solve(problem, options);

        Assert.Equal(once.Cost, again.Cost);
        Assert.Equal(Routes(once), Routes(again));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Solver_routes_from_the_search_are_feasible_and_no_worse_than_guided_local_search_for_a_second(int seed)
    {
        var problem = SingleTripProblem(seed, stopCount: 80, vehicleCount: 8);

        var searched = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(2), Improvement: Improvement.RuinAndRecreate, RuinAndRecreate: new RuinAndRecreateSettings(Iterations: 20_000)));
        var guided = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromSeconds(1)));

        Assert.True(searched.Found);
        Assert.Empty(RouteChecker.Check(problem, searched));
        Assert.True(searched.Cost <= guided.Cost, $"string removals {searched.Cost} > guided local search {guided.Cost}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Small_problems_with_serve_by_costs_and_a_last_departure_reach_the_exhaustive_optimum(int seed)
    {
        var problem = DeadlineProblem(seed);

        var found = SearchFromEmptyRoutes(problem, seed);

        Assert.Equal(ExhaustiveOptimum(problem), found.Cost);
        Assert.Empty(found.Routes[2]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_solver_prices_the_searched_routes_as_the_exhaustive_optimum_with_serve_by_costs(int seed)
    {
        var problem = DeadlineProblem(seed);
        long optimum = ExhaustiveOptimum(problem);

        var solution = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(1), Improvement: Improvement.RuinAndRecreate, RuinAndRecreate: new RuinAndRecreateSettings(AverageRemovedStops: 3, MaxRemovedString: 3, Iterations: 3_000)));

        Assert.Equal(optimum, solution.Cost);
        Assert.Empty(RouteChecker.Check(problem, solution));
        Assert.DoesNotContain(solution.Vehicles, v => v.VehicleId == "closed");
    }

    [Fact]
    public void A_late_stop_goes_first_when_its_lateness_costs_more_than_the_detour()
    {
        // Depot at 0; a at x=100, b at x=-300. Out to a then b and back is 100+400+300 = 800 m, b then a the same, but b
        // must start by 300 s (10 a second): a first starts b at 500 s (2,000 late); b first starts it at 300 s.
        // A second vehicle costs 1,000 fixed. Optimum: b then a on one vehicle, 800.
        var problem = new RoutingProblem(
            LineWorld.Matrix((0, 0), (100, 0), (-300, 0)),
            [LineWorld.Stop("a", 1), new RoutingStop("b", 2, 1, 1, 0, TimeWindow.Always, ServeBySeconds: 300, LateCostPerSecond: 10)],
            [LineWorld.Vehicle("v") with { FixedCost = 0 }, LineWorld.Vehicle("w") with { FixedCost = 1_000 }],
            new RoutingCosts());
        var instance = SearchInstance.From(problem, [0, 1])!;

        // Start from the late order: the search must find the other.
        var found = new StringRemovalSearch(instance, new RuinAndRecreateSettings(Iterations: 200))
            .Improve([[0, 1], []], 1, Stopwatch.StartNew(), s_noCap, CancellationToken.None);

        Assert.Equal(800 + 2_000, found.StartCost);
        Assert.Equal(800, found.Cost);
        Assert.Equal([1, 0], found.Routes[0]);
    }

    [Fact]
    public void The_balance_cost_spreads_stops_over_vehicles_when_it_outweighs_their_fixed_cost()
    {
        // a at x=1,000 and b at x=-1,000: one vehicle drives 4,000 m and is back at 4,000 s; two drive 2,000 m each and
        // are back at 2,000 s. With 100 fixed per vehicle and 10 a second of the day's span (over used vehicles: the third,
        // starting at 50,000 s, stays out of it): one costs 4,000 + 100 + 40,000 = 44,100, two 4,000 + 200 + 20,000 = 24,200.
        var problem = new RoutingProblem(
            LineWorld.Matrix((0, 0), (1_000, 0), (-1_000, 0)),
            [LineWorld.Stop("a", 1), LineWorld.Stop("b", 2)],
            [LineWorld.Vehicle("v") with { FixedCost = 100 }, LineWorld.Vehicle("w") with { FixedCost = 100 }, LineWorld.Vehicle("late") with { FixedCost = 100, ShiftStartSeconds = 50_000 }],
            new RoutingCosts(BalanceCostPerSecond: 10));
        var instance = SearchInstance.From(problem, [0, 1])!;

        var found = new StringRemovalSearch(instance, new RuinAndRecreateSettings(Iterations: 200))
            .Improve([[0, 1], [], []], 1, Stopwatch.StartNew(), s_noCap, CancellationToken.None);
        var solved = new VehicleRoutingSolver().Solve(problem, new RoutingOptions(TimeSpan.FromMinutes(1), Improvement: Improvement.RuinAndRecreate, RuinAndRecreate: new RuinAndRecreateSettings(Iterations: 200)));

        Assert.Equal(44_100, found.StartCost);
        Assert.Equal(24_200, found.Cost);
        Assert.Equal(24_200, solved.Cost);
        Assert.Equal(2, solved.Vehicles.Count);
    }

    [Fact]
    public void Problems_it_does_not_model_exactly_are_left_to_the_solver()
    {
        var multiTrip = RandomProblems.Make(5, stopCount: 10, vehicleCount: 2);

        Assert.Null(SearchInstance.From(multiTrip, [.. Enumerable.Range(0, multiTrip.Stops.Count)]));
        Assert.NotNull(SearchInstance.From(SmallProblem(1), [0, 1, 2]));
    }

    private static List<string> Routes(RoutingSolution solution) =>
        solution.Vehicles.Select(v => $"{v.VehicleId}:{string.Join(',', v.Trips.SelectMany(t => t.Visits).Select(x => x.StopId))}").ToList();

    // Seven stops, two vehicles of capacity 4 stops' weight, windows tight enough that order matters.
    private static RoutingProblem SmallProblem(int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, 8).Select(i => i == 0 ? (0, 0) : (random.Next(-300, 300), random.Next(-300, 300))).ToArray();
        var stops = Enumerable.Range(1, 7).Select(i =>
        {
            int earliest = random.Next(0, 900);
            return new RoutingStop($"s{i}", i, random.Next(1, 4), 1, random.Next(0, 60), new TimeWindow(earliest, earliest + random.Next(300, 1_500)),
                DropPenalty: 1_000_000);
        }).ToList();
        var vehicles = new[] { new RoutingVehicle("a", 0, 0, 8, int.MaxValue, 0, 3_000), new RoutingVehicle("b", 0, 0, 8, int.MaxValue, 0, 3_000, FixedCost: 50) };
        return new RoutingProblem(LineWorld.Matrix(points), stops, vehicles, new RoutingCosts());
    }

    private static RoutingProblem SingleTripProblem(int seed, int stopCount, int vehicleCount)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, stopCount + 1).Select(i => i == 0 ? (500, 500) : (random.Next(0, 1_000), random.Next(0, 1_000))).ToArray();
        var stops = Enumerable.Range(1, stopCount).Select(i =>
        {
            int earliest = random.Next(0, 4_000);
            return new RoutingStop($"s{i}", i, random.Next(1, 30), 1, random.Next(0, 90), new TimeWindow(earliest, earliest + random.Next(300, 3_000)),
                AllowedVehicles: random.Next(5) == 0 ? [random.Next(vehicleCount)] : null);
        }).ToList();
        var vehicles = Enumerable.Range(0, vehicleCount).Select(v => new RoutingVehicle($"v{v}", 0, 0, 100, 12, 0, 8_000)).ToList();
        return new RoutingProblem(LineWorld.Matrix(points), stops, vehicles, new RoutingCosts());
    }

    // Seven stops, some due by a serve-by time (late seconds cost 1-5 each); vehicle "a" from 0 s, "b" from 600 s with a
    // fixed cost, and "closed", the cheapest, whose shift starts after its last departure: it may serve nothing.
    private static RoutingProblem DeadlineProblem(int seed)
    {
        var random = new Random(seed);
        var points = Enumerable.Range(0, 8).Select(i => i == 0 ? (0, 0) : (random.Next(-400, 400), random.Next(-400, 400))).ToArray();
        var stops = Enumerable.Range(1, 7).Select(i =>
        {
            bool due = random.Next(3) > 0;
            return new RoutingStop($"s{i}", i, random.Next(1, 4), 1, random.Next(60, 240), new TimeWindow(0, 5_000),
                DropPenalty: 1_000_000, ServeBySeconds: due ? random.Next(200, 1_500) : null, LateCostPerSecond: due ? random.Next(1, 6) : 0);
        }).ToList();
        var vehicles = new[]
        {
            new RoutingVehicle("a", 0, 0, 8, int.MaxValue, 0, 6_000),
            new RoutingVehicle("b", 0, 0, 8, int.MaxValue, 600, 6_000, FixedCost: 300),
            new RoutingVehicle("closed", 0, 0, 20, int.MaxValue, 700, 6_000, LastDepartureSeconds: 650),
        };
        return new RoutingProblem(LineWorld.Matrix(points), stops, vehicles, new RoutingCosts());
    }

    // Every order of every subset on each vehicle: the cheapest cost of arcs, fixed costs, lateness and drops.
    private static long ExhaustiveOptimum(RoutingProblem problem)
    {
        int n = problem.Stops.Count;
        int vehicles = problem.Vehicles.Count;
        var routeCost = new long[vehicles, 1 << n];
        for (int v = 0; v < vehicles; v++)
        {
            for (int mask = 1; mask < 1 << n; mask++)
            {
                routeCost[v, mask] = BestOrder(problem, v, Enumerable.Range(0, n).Where(s => (mask & (1 << s)) != 0).ToArray());
            }
        }

        long best = long.MaxValue;
        var assignment = new int[n]; // -1 dropped, else the vehicle
        void Assign(int i)
        {
            if (i == n)
            {
                long cost = 0;
                for (int s = 0; s < n; s++)
                {
                    cost += assignment[s] < 0 ? problem.Stops[s].DropPenalty : 0;
                }

                for (int v = 0; v < vehicles && cost < best; v++)
                {
                    int mask = 0;
                    for (int s = 0; s < n; s++)
                    {
                        mask |= assignment[s] == v ? 1 << s : 0;
                    }

                    long route = routeCost[v, mask];
                    cost = route == long.MaxValue ? long.MaxValue : cost + route;
                }

                best = Math.Min(best, cost);
                return;
            }

            for (int choice = -1; choice < vehicles; choice++)
            {
                assignment[i] = choice;
                Assign(i + 1);
            }
        }

        Assign(0);
        return best;
    }

    private static long BestOrder(RoutingProblem problem, int vehicle, int[] stops)
    {
        var v = problem.Vehicles[vehicle];
        if (stops.Length == 0)
        {
            return 0;
        }

        if (stops.Sum(s => problem.Stops[s].DemandGrams) > v.CapacityGrams || v.ShiftStartSeconds > (v.LastDepartureSeconds ?? int.MaxValue))
        {
            return long.MaxValue;
        }

        long best = long.MaxValue;
        foreach (var order in Permutations(stops))
        {
            long time = v.ShiftStartSeconds;
            long cost = v.FixedCost;
            int at = v.StartPoint;
            bool feasible = true;
            foreach (int s in order)
            {
                var stop = problem.Stops[s];
                time = Math.Max(stop.Window.EarliestSeconds, time + problem.Travel.Duration(at, stop.Point));
                feasible &= time <= stop.Window.LatestSeconds;
                cost += problem.Travel.Distance(at, stop.Point) + (stop.LateCostPerSecond * Math.Max(0, time - (stop.ServeBySeconds ?? int.MaxValue)));
                time += stop.ServiceSeconds;
                at = stop.Point;
            }

            time += problem.Travel.Duration(at, v.EndPoint);
            cost += problem.Travel.Distance(at, v.EndPoint);
            if (feasible && time <= v.ShiftEndSeconds)
            {
                best = Math.Min(best, cost);
            }
        }

        return best;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }

        for (int i = 0; i < items.Length; i++)
        {
            var rest = items.Where((_, k) => k != i).ToArray();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    // From nothing on the routes: the search must place every stop itself, within 3,000 iterations.
    private static StringRemovalResult SearchFromEmptyRoutes(RoutingProblem problem, int seed)
    {
        var instance = SearchInstance.From(problem, [.. Enumerable.Range(0, problem.Stops.Count)])!;
        var empty = Enumerable.Range(0, problem.Vehicles.Count).Select(_ => (IReadOnlyList<int>)[]).ToList();
        return new StringRemovalSearch(instance, new RuinAndRecreateSettings(AverageRemovedStops: 3, MaxRemovedString: 3, Iterations: 3_000))
            .Improve(empty, seed, Stopwatch.StartNew(), s_noCap, CancellationToken.None);
    }
}
