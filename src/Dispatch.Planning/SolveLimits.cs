namespace Dispatch.Planning;

/// <summary>How long and how wide a CP-SAT stage may search.</summary>
/// <param name="TimeLimitMilliseconds">Search time per solved model (one gate); the stage returns its best plan or its greedy plan when it runs out.</param>
/// <param name="Workers">CP-SAT search workers; 1 leaves cores for other stages and repeats its plan run after run whenever the search ends before the time limit.</param>
public sealed record SolveLimits(int TimeLimitMilliseconds = 2_000, int Workers = 1)
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
    }
}
