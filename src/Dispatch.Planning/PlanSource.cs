namespace Dispatch.Planning;

/// <summary>Which search produced a stage's plan.</summary>
public enum PlanSource
{
    /// <summary>CP-SAT proved the plan optimal (within the stage's stated gap, if it has one).</summary>
    Optimal = 0,

    /// <summary>CP-SAT found the plan but stopped (time limit or cancellation) before proving it optimal.</summary>
    Feasible = 1,

    /// <summary>CP-SAT found nothing in time (or was cancelled first): the greedy plan.</summary>
    Greedy = 2,
}
