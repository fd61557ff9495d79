using System.Globalization;

namespace Dispatch.Server.Live;

/// <summary>
/// Where a plan day stands now, in plan time: seconds since the district's local midnight of that day, the unit
/// every plan time uses. Plan day 1 is <see cref="Hosting.LiveOptions.DayOneDate"/>; without it the day being
/// delivered is taken to be today. The district's UTC offset is <see cref="Hosting.LiveOptions.UtcOffsetMinutes"/>.
/// </summary>
public sealed class PlanClock(TimeProvider clock, Hosting.LiveOptions options)
{
    private const int SecondsPerDay = 24 * 3600;

    private readonly DateOnly? _dayOne = DayOne(options.DayOneDate);

    private static DateOnly? DayOne(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw new InvalidOperationException($"Live:DayOneDate must be a date as yyyy-MM-dd, was '{text}'");

    public long UnixSeconds => clock.GetUtcNow().ToUnixTimeSeconds();

    /// <summary>
    /// Seconds since the local midnight starting plan day <paramref name="day"/>: 0 before the day begins (nothing of
    /// it is past yet), more than a day's seconds once it is over.
    /// </summary>
    public int SecondsInto(int day)
    {
        long local = UnixSeconds + (options.UtcOffsetMinutes * 60L);
        if (_dayOne is not { } dayOne)
        {
            return (int)(((local % SecondsPerDay) + SecondsPerDay) % SecondsPerDay);
        }

        // In "local" seconds (Unix seconds shifted by the offset) a local midnight is that date's UTC midnight.
        long midnight = new DateTimeOffset(dayOne.AddDays(day - 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
        return (int)Math.Clamp(local - midnight, 0, 2L * SecondsPerDay);
    }
}
