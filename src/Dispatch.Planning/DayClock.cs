using System.Globalization;

namespace Dispatch.Planning;

/// <summary>Seconds from the plan day's start as the clock time people read in a plan's reasons ("08:20").</summary>
internal static class DayClock
{
    public static string Text(int secondsFromDayStart) =>
        string.Create(CultureInfo.InvariantCulture, $"{secondsFromDayStart / 3_600:D2}:{secondsFromDayStart % 3_600 / 60:D2}");
}
