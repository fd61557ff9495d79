namespace Dispatch.Planning.GateDay;

/// <summary>
/// People in a gate's pickup zone over the pickup day, counted per slot-length step: a household in a slot is on site
/// for that step, a household with a free-pickup window for every step of its window. No step holds more than the
/// crowd cap, so no moment does.
/// </summary>
internal sealed class PickupCrowd
{
    private readonly int[] _people;
    private readonly Dictionary<(int Step, string Building), int> _slottedPerBuilding = [];

    public PickupCrowd(int opensAtSeconds, int closesAtSeconds, int stepSeconds, int crowdCap)
    {
        OpensAtSeconds = opensAtSeconds;
        StepSeconds = stepSeconds;
        CrowdCap = crowdCap;
        _people = new int[Math.Max(0, (closesAtSeconds - opensAtSeconds) / stepSeconds)];
        SlotHouseholds = new int[_people.Length];
    }

    public int OpensAtSeconds { get; }

    public int StepSeconds { get; }

    public int CrowdCap { get; }

    public int Steps => _people.Length;

    /// <summary>Slotted households per step (free-pickup windows not included).</summary>
    public int[] SlotHouseholds { get; }

    /// <summary>True when some household got a slot over the building cap (no slot under it was left for it).</summary>
    public bool BuildingCapLifted { get; private set; }

    public int StartOf(int step) => OpensAtSeconds + (step * StepSeconds);

    /// <summary>Counts <paramref name="people"/> on site in every step overlapping [start, end): visits already promised.</summary>
    public void Occupy(int startSeconds, int endSeconds, int people = 1)
    {
        for (int step = Math.Max(0, (startSeconds - OpensAtSeconds) / StepSeconds); step < _people.Length && StartOf(step) < endSeconds; step++)
        {
            _people[step] += people;
        }
    }

    /// <summary>The earliest slot from <paramref name="readyAtSeconds"/> with room under the crowd cap, under the building cap when one is left; -1 if none.</summary>
    public int TakeSlot(int readyAtSeconds, string building, int buildingCap)
    {
        int first = FirstStepFrom(readyAtSeconds);
        int step = FindStep(first, 1, s => _slottedPerBuilding.GetValueOrDefault((s, building)) < buildingCap);
        if (step < 0)
        {
            // Spreading a building is a courtesy, seating a household is the job.
            step = FindStep(first, 1, _ => true);
            BuildingCapLifted |= step >= 0;
        }

        if (step >= 0)
        {
            _people[step]++;
            SlotHouseholds[step]++;
            _slottedPerBuilding[(step, building)] = _slottedPerBuilding.GetValueOrDefault((step, building)) + 1;
        }

        return step;
    }

    /// <summary>The first step of the earliest window of <paramref name="windowSteps"/> steps from <paramref name="readyAtSeconds"/> with room in every step; -1 if none.</summary>
    public int TakeWindow(int readyAtSeconds, int windowSteps)
    {
        int step = FindStep(FirstStepFrom(readyAtSeconds), windowSteps, _ => true);
        for (int s = step; step >= 0 && s < step + windowSteps; s++)
        {
            _people[s]++;
        }

        return step;
    }

    /// <summary>Why a household ready at <paramref name="readyAtSeconds"/> got no free-pickup window.</summary>
    public static string NoWindowReason(int readyAtSeconds, int closesAtSeconds, int windowSeconds) =>
        readyAtSeconds > closesAtSeconds - windowSeconds
            ? $"no free-pickup window: ready at {DayClock.Text(readyAtSeconds)}, after the last window starts"
            : "no free-pickup window: the pickup zone is at its crowd cap in every window from its ready time on";

    private int FirstStepFrom(int readyAtSeconds) =>
        Math.Max(0, (readyAtSeconds - OpensAtSeconds + StepSeconds - 1) / StepSeconds);

    private int FindStep(int first, int length, Func<int, bool> allowed)
    {
        for (int step = first; step + length <= _people.Length; step++)
        {
            bool room = true;
            for (int s = step; s < step + length && room; s++)
            {
                room = _people[s] < CrowdCap;
            }

            if (room && allowed(step))
            {
                return step;
            }
        }

        return -1;
    }
}
