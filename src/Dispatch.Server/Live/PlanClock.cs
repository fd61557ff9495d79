namespace Dispatch.Server.Live;

/// <summary>
/// Where the live day stands in plan time: seconds since local midnight in the district, the unit every plan
/// time uses. The district's UTC offset is configured (<see cref="Hosting.LiveOptions.UtcOffsetMinutes"/>).
/// </summary>
public sealed class PlanClock(TimeProvider clock, Hosting.LiveOptions options)
{
    private const int SecondsPerDay = 24 * 3600;

    public long UnixSeconds => clock.GetUtcNow().ToUnixTimeSeconds();

    public int SecondsOfDay
    {
        get
        {
            long local = UnixSeconds + (options.UtcOffsetMinutes * 60L);
            return (int)(((local % SecondsPerDay) + SecondsPerDay) % SecondsPerDay);
        }
    }
}
