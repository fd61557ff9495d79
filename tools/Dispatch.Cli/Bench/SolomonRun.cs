using Dispatch.Planning.Routing;
using Dispatch.Planning.Validation;
using System.Diagnostics;

namespace Dispatch.Cli.Bench;

/// <summary>One instance solved and checked.</summary>
internal sealed record SolomonResult(
    string Instance,
    string Class,
    int Vehicles,
    double Distance,
    SolomonBks? Bks,
    bool Feasible,
    IReadOnlyList<string> Violations,
    TimeSpan Elapsed,
    IReadOnlyList<IReadOnlyList<int>> Routes)
{
    public double? GapPercent => Bks?.DimacsDistance is double best && Feasible ? (Distance - best) / best * 100 : null;
}

/// <summary>Solves one Solomon instance with the engine's routing model and checks the result twice.</summary>
internal static class SolomonRun
{
    public static SolomonResult Solve(string path, SolomonBks? bks, RoutingOptions options, bool droppable, CancellationToken cancellation)
    {
        var instance = SolomonInstance.Read(path);
        var problem = SolomonProblem.From(instance, droppable);
        var clock = Stopwatch.StartNew();
        var solution = new VehicleRoutingSolver().Solve(problem, options, cancellation);
        clock.Stop();

        var routes = SolomonSolutionCheck.Routes(solution);
        var (violations, distance) = SolomonSolutionCheck.Check(instance, routes);
        var engineViolations = RouteChecker.Check(problem, solution, requireEveryStop: true);
        var all = violations.Concat(engineViolations.Select(v => "engine check: " + v)).ToList();
        if (!solution.Found)
        {
            all.Insert(0, "no solution found");
        }

        return new SolomonResult(instance.Name, ClassOf(instance.Name), routes.Count, distance, bks, all.Count == 0, all, clock.Elapsed, routes);
    }

    /// <summary>C1, C2, R1, R2, RC1, RC2 from the instance name.</summary>
    public static string ClassOf(string name)
    {
        string letters = new(name.TakeWhile(char.IsLetter).ToArray());
        char series = name.Length > letters.Length ? name[letters.Length] : '?';
        return (letters + series).ToUpperInvariant();
    }
}
