namespace Dispatch.Planning.Routing;

/// <summary>How long and how the solver searches.</summary>
/// <param name="TimeLimit">The best solution found by then is returned.</param>
/// <param name="SolutionLimit">Stop after this many solutions (1 = first solution only); 0 for no limit.</param>
/// <param name="GuidedLocalSearchLambda">Penalty weight of guided local search (OR-Tools default 0.1).</param>
/// <param name="Workers">Independent searches run in parallel with different first solutions; the cheapest wins.</param>
/// <param name="RuinAndRecreate">Settings of <see cref="Improvement.RuinAndRecreate"/>; null for the defaults.</param>
/// <param name="Portfolio">When given, one parallel search per strategy (instead of <paramref name="Workers"/>); the cheapest wins.</param>
/// <param name="LnsTimeLimit">
/// Wall-clock limit of each large-neighbourhood sub-search; null: OR-Tools' 100 ms. A limit far above what a sub-search
/// needs makes local search repeat its result on a busy machine.
/// </param>
public sealed record RoutingOptions(
    TimeSpan TimeLimit,
    FirstSolution FirstSolution = FirstSolution.ParallelCheapestInsertion,
    Improvement Improvement = Improvement.GuidedLocalSearch,
    long SolutionLimit = 0,
    double GuidedLocalSearchLambda = 0.1,
    int Workers = 1,
    RuinAndRecreateSettings? RuinAndRecreate = null,
    IReadOnlyList<SearchStrategy>? Portfolio = null,
    TimeSpan? LnsTimeLimit = null)
{
    public static RoutingOptions Quick => new(TimeSpan.FromSeconds(1));

    /// <summary>
    /// Two searches that complement each other on the Solomon classes: cheapest insertion with guided local
    /// search for tight windows, savings with a stronger guided local search penalty for wide windows.
    /// </summary>
    public static IReadOnlyList<SearchStrategy> TightAndWideWindows { get; } =
    [
        new(FirstSolution.ParallelCheapestInsertion, Improvement.GuidedLocalSearch, 0.1),
        new(FirstSolution.Savings, Improvement.GuidedLocalSearch, 0.3),
    ];

    /// <summary>The strategies the parallel searches run, first one from the options themselves.</summary>
    internal IReadOnlyList<SearchStrategy> Strategies(IReadOnlyList<FirstSolution> alternatives)
    {
        if (Portfolio is { Count: > 0 })
        {
            return Portfolio;
        }

        var others = alternatives.Where(a => a != FirstSolution).ToList();
        return Enumerable.Range(0, Math.Max(1, Workers))
            .Select(w => new SearchStrategy(w == 0 ? FirstSolution : others[(w - 1) % others.Count], Improvement, GuidedLocalSearchLambda))
            .ToList();
    }
}

/// <summary>One way to search: how the first solution is built and how it is improved.</summary>
public sealed record SearchStrategy(FirstSolution FirstSolution, Improvement Improvement, double GuidedLocalSearchLambda = 0.1);

/// <summary>
/// Ruin and recreate by string removals (SISR): remove strings of consecutive stops around a random stop,
/// reinsert them cheapest-first and descend to a local optimum, accept by simulated annealing, keep the best.
/// </summary>
/// <param name="AverageRemovedStops">Stops removed per ruin, on average.</param>
/// <param name="MaxRemovedString">Longest string of consecutive stops removed from one route.</param>
/// <param name="StartTemperature">Annealing temperature at the start, in cost units (a worse solution by this much is accepted with probability 1/e).</param>
/// <param name="EndTemperature">Annealing temperature at the time limit, in cost units.</param>
/// <param name="IterationMilliseconds">Longest reinsert-and-improve step of one iteration.</param>
/// <param name="Seed">Seed of the random ruins (each parallel search derives its own).</param>
/// <param name="Iterations">
/// Ruin-and-recreate iterations of the string-removal search (the problems it models: one trip per vehicle, see
/// <c>SearchInstance.From</c>); the same seed and count give the same routes, the time limit only caps them.
/// </param>
public sealed record RuinAndRecreateSettings(
    int AverageRemovedStops = 10,
    int MaxRemovedString = 10,
    double StartTemperature = 100,
    double EndTemperature = 1,
    int IterationMilliseconds = 500,
    int Seed = 1,
    long Iterations = RuinAndRecreateSettings.DefaultIterations)
{
    /// <summary>Enough for 100-400 stops to settle; each iteration costs tens of microseconds at 100 stops.</summary>
    public const long DefaultIterations = 200_000;

    internal TimeSpan IterationBudget => TimeSpan.FromMilliseconds(Math.Max(1, IterationMilliseconds));
}

/// <summary>How the first solution is built.</summary>
public enum FirstSolution
{
    ParallelCheapestInsertion,
    LocalCheapestInsertion,
    PathCheapestArc,
    Savings,
    Christofides,
    GlobalCheapestArc,
}

/// <summary>How the first solution is improved.</summary>
public enum Improvement
{
    /// <summary>Stop at the first local optimum.</summary>
    LocalSearch,
    GuidedLocalSearch,
    SimulatedAnnealing,
    TabuSearch,
    /// <summary>
    /// Ruin and recreate (<see cref="RuinAndRecreateSettings"/>): our string-removal search for a fixed iteration count
    /// where it models the problem (single trips, no committed trips, goods ready at shift start, no trip-duration cost),
    /// else the solver's own re-solves until the time limit.
    /// </summary>
    RuinAndRecreate,
}
