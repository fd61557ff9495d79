namespace Dispatch.Simulation.Days;

/// <summary>
/// How late a household is on a simulated day, counted from the deadline of the day it first ordered: served on a
/// later day, it is late by the days it waited plus the time past that day's deadline; not served, it is late by the
/// time from its deadline to the end of the day (and counting: the order comes back the next day).
/// </summary>
internal static class HouseholdLateness
{
    public const int SecondsPerDay = 86_400;

    /// <param name="servedAtSeconds">When it was served today (seconds from midnight), or null when it was not.</param>
    public static int Seconds(int day, int firstDay, int? servedAtSeconds, int deadlineSeconds)
    {
        int waitedDays = day - firstDay;
        int at = servedAtSeconds ?? SecondsPerDay;
        return Math.Max(0, (waitedDays * SecondsPerDay) + at - deadlineSeconds);
    }
}
