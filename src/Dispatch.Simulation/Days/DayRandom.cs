namespace Dispatch.Simulation.Days;

/// <summary>
/// One seeded random source per (seed, day, purpose): a draw for one purpose never shifts another's, so changing
/// the failure rate does not change who falls ill.
/// </summary>
internal static class DayRandom
{
    public const int TruckAvailability = 1;
    public const int VolunteerAvailability = 5;
    public const int DropOut = 2;
    public const int Stock = 3;
    public const int Failures = 4;

    public static Random For(int seed, int day, int purpose) =>
        new(unchecked((seed * 1_000_003) + (day * 7_919) + (purpose * 104_729)));
}
