namespace Dispatch.Planning;

/// <summary>How long and how wide a CP-SAT stage may search.</summary>
/// <param name="TimeLimitMilliseconds">Search time per solved model (one gate); the stage returns its best plan or its greedy plan when it runs out.</param>
/// <param name="Workers">CP-SAT search workers; 1 leaves cores for other stages and repeats its plan run after run whenever the search ends before the time limit.</param>
/// <param name="DeterministicSeconds">
/// When set, CP-SAT also stops after this much deterministic time (its work count, not the clock): with one worker the
/// plan is then the same on a busy and an idle machine, as long as the wall-clock limit is not reached first.
/// Null (the default): the wall-clock limit alone.
/// </param>
public sealed record SolveLimits(int TimeLimitMilliseconds = 2_000, int Workers = 1, double? DeterministicSeconds = null)
{
    public static SolveLimits Default { get; } = new();

    internal void Validate()
    {
        if (TimeLimitMilliseconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeLimitMilliseconds), TimeLimitMilliseconds, "must be positive");
        }

        if (Workers <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "must be positive");
        }

        if (DeterministicSeconds is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(DeterministicSeconds), DeterministicSeconds, "must be positive");
        }
    }
}
