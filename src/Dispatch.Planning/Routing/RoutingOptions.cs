namespace Dispatch.Planning.Routing;

/// <summary>How long and how the solver searches.</summary>
/// <param name="TimeLimit">The best solution found by then is returned.</param>
/// <param name="SolutionLimit">Stop after this many solutions (1 = first solution only); 0 for no limit.</param>
/// <param name="GuidedLocalSearchLambda">Penalty weight of guided local search (OR-Tools default 0.1).</param>
/// <param name="Workers">Independent searches run in parallel with different first solutions; the cheapest wins.</param>
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
    TimeSpan? LnsTimeLimit = null)
{
    public static RoutingOptions Quick => new(TimeSpan.FromSeconds(1));
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
    /// <summary>Iterated local search: ruin and recreate, then local search.</summary>
    RuinAndRecreate,
}
