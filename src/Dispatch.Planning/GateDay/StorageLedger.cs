namespace Dispatch.Planning.GateDay;

/// <summary>
/// A gate's storage zone over the day: goods come in when a cycle releases them and go out when they leave (a door
/// trip departs, a pickup slot or free-pickup window ends). What is held at a moment is everything released by then
/// minus everything gone by then; goods that never leave stay to the end of the day.
/// </summary>
internal sealed class StorageLedger(long capacityGrams)
{
    private readonly SortedDictionary<int, long> _changes = [];

    public long CapacityGrams { get; } = capacityGrams;

    public void Release(int atSeconds, long grams) => Change(atSeconds, grams);

    public void Leave(int atSeconds, long grams) => Change(atSeconds, -grams);

    /// <summary>Grams held at <paramref name="atSeconds"/>, counting everything released or gone at that moment.</summary>
    public long HeldAt(int atSeconds)
    {
        long held = 0;
        foreach (var (time, grams) in _changes)
        {
            if (time > atSeconds)
            {
                break;
            }

            held += grams;
        }

        return held;
    }

    /// <summary>
    /// The earliest moment from <paramref name="fromSeconds"/> on when <paramref name="grams"/> more fit, or null if they
    /// never do. Releases come in time order (cycles follow each other), so after <paramref name="fromSeconds"/> goods
    /// only leave and the held weight only falls: the first moment they fit, they fit for good.
    /// </summary>
    public int? EarliestRoomFor(long grams, int fromSeconds)
    {
        long held = 0;
        bool fromChecked = false;
        foreach (var (time, change) in _changes)
        {
            if (time > fromSeconds)
            {
                if (change > 0)
                {
                    throw new InvalidOperationException("storage releases must be added in time order");
                }

                if (!fromChecked && held + grams <= CapacityGrams)
                {
                    return fromSeconds;
                }

                fromChecked = true;
            }

            held += change;
            if (time > fromSeconds && held + grams <= CapacityGrams)
            {
                return time;
            }
        }

        return !fromChecked && held + grams <= CapacityGrams ? fromSeconds : null;
    }

    /// <summary>
    /// When a cycle of <paramref name="grams"/> that may start at <paramref name="earliestStartSeconds"/> releases its
    /// goods: held back until they fit, and not run at all (null, with why) when they never fit or would be released
    /// after <paramref name="lastUsefulReleaseSeconds"/>, when nothing can take them away any more today.
    /// </summary>
    public (int? ReleaseAtSeconds, string? NotReleased) ReleaseFor(long grams, int earliestStartSeconds, int cycleSeconds, int lastUsefulReleaseSeconds)
    {
        int? release = EarliestRoomFor(grams, earliestStartSeconds + cycleSeconds);
        if (release is null)
        {
            return (null, $"not released today: storage zone full ({HeldAt(int.MaxValue)} g of {CapacityGrams} g stay all day), goods wait in the buffer from {DayClock.Text(earliestStartSeconds)}");
        }

        if (release.Value > lastUsefulReleaseSeconds)
        {
            return (null, release.Value > earliestStartSeconds + cycleSeconds
                ? $"not released today: storage zone full until {DayClock.Text(release.Value)}, after the last pickup and door trip ({DayClock.Text(lastUsefulReleaseSeconds)}); goods wait in the buffer"
                : $"not released today: the cycle would end at {DayClock.Text(release.Value)}, after the last pickup and door trip ({DayClock.Text(lastUsefulReleaseSeconds)}); goods wait in the buffer");
        }

        return (release.Value, null);
    }

    private void Change(int atSeconds, long grams)
    {
        if (grams != 0)
        {
            _changes[atSeconds] = _changes.GetValueOrDefault(atSeconds) + grams;
        }
    }
}
