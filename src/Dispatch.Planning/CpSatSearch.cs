using Google.OrTools.Sat;

namespace Dispatch.Planning;

/// <summary>Runs one CP-SAT model under a time limit and a cancellation token.</summary>
internal static class CpSatSearch
{
    /// <param name="relativeGapLimit">Stop, reporting optimal, once the best plan is proven within this fraction of the optimum.</param>
    /// <param name="presolve">False skips CP-SAT's presolve, for models already small and tight where it costs more than it saves.</param>
    public static CpSolverStatus Solve(CpModel model, CpSolver solver, SolveLimits limits, CancellationToken cancellationToken, double relativeGapLimit = 0, bool presolve = true)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return CpSolverStatus.Unknown;
        }

        var seconds = limits.TimeLimitMilliseconds / 1000.0;
        solver.StringParameters = string.Create(
            System.Globalization.CultureInfo.InvariantCulture,
            $"max_time_in_seconds:{seconds}, num_workers:{limits.Workers}, random_seed:1, relative_gap_limit:{relativeGapLimit}, cp_model_presolve:{(presolve ? "true" : "false")}")
            + (limits.DeterministicSeconds is { } deterministic
                ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", max_deterministic_time:{deterministic}")
                : "");

        // StopSearch reaches the native solver from the token's thread; the callback also
        // stops at the next solution in case the token fired before the native search began.
        using var stopOnSolution = new StopWhenCancelled(cancellationToken);
        using var registration = cancellationToken.Register(solver.StopSearch);
        return solver.Solve(model, stopOnSolution);
    }

    private sealed class StopWhenCancelled(CancellationToken cancellationToken) : CpSolverSolutionCallback
    {
        public override void OnSolutionCallback()
        {
            if (cancellationToken.IsCancellationRequested)
            {
                StopSearch();
            }
        }
    }

    public static PlanSource SourceOf(CpSolverStatus status) =>
        status == CpSolverStatus.Optimal ? PlanSource.Optimal : PlanSource.Feasible;

    public static bool HasSolution(CpSolverStatus status) =>
        status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
}
