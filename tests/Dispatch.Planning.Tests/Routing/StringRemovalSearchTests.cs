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
        var instance = SearchInstance.From(problem, [.. Enumerable.Range(0, problem.Stops.Count)])!;
        long optimum = ExhaustiveOptimum(problem);

        // From nothing on the routes: the search must place every stop itself.
        var empty = Enumerable.Range(0, problem.Vehicles.Count).Select(_ => (IReadOnlyList<int>)[]).ToList();
        var found = new StringRemovalSearch(instance, new RuinAndRecreateSettings(AverageRemovedStops: 3, MaxRemovedString: 3, Iterations: 3_000))
            .Improve(empty, seed, Stopwatch.StartNew(), s_noCap, CancellationToken.None);

        Assert.Equal(optimum, found.Cost);
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

    // Every order of every subset on each vehicle: the cheapest cost of arcs, fixed costs and drops.
    private static long ExhaustiveOptimum(RoutingProblem problem)
    {
        int n = problem.Stops.Count;
        long best = long.MaxValue;
        var assignment = new int[n]; // -1 dropped, 0 or 1 the vehicle
        void Assign(int i)
        {
            if (i == n)
            {
                long cost = 0;
                for (int s = 0; s < n; s++)
                {
                    cost += assignment[s] < 0 ? problem.Stops[s].DropPenalty : 0;
                }

                for (int v = 0; v < 2 && cost < best; v++)
                {
                    var on = Enumerable.Range(0, n).Where(s => assignment[s] == v).ToArray();
                    long route = on.Length == 0 ? 0 : BestOrder(problem, v, on);
                    cost = route == long.MaxValue ? long.MaxValue : cost + route;
                }

                best = Math.Min(best, cost);
                return;
            }

            for (int choice = -1; choice < 2; choice++)
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
        if (stops.Sum(s => problem.Stops[s].DemandGrams) > v.CapacityGrams)
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
                cost += problem.Travel.Distance(at, stop.Point);
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
}
