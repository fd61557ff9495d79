namespace Dispatch.Planning.GateCycles;

/// <summary>Disinfection cycles per gate and when each consignment reaches the storage zone.</summary>
public sealed record DisinfectionSchedule(IReadOnlyList<GateCyclePlan> Gates);

/// <summary>One gate's cycles, in time order.</summary>
/// <param name="WeightedReleaseSeconds">Sum over consignments of priority weight x release seconds: the objective minimised.</param>
/// <param name="BufferWaits">Where and how long unloaded goods wait in the gate's buffer zone (null from the scheduler alone).</param>
public sealed record GateCyclePlan(
    string GateId,
    IReadOnlyList<DisinfectionCycle> Cycles,
    IReadOnlyList<ConsignmentRelease> Releases,
    PlanSource Source,
    long WeightedReleaseSeconds,
    IReadOnlyList<BufferWait>? BufferWaits = null);

/// <summary>A consignment in the buffer zone: unloaded, waiting until the last cycle taking any of it starts (null: not disinfected today).</summary>
/// <param name="TruckWaitSeconds">How long its truck waited at the gate, goods on board, for room in the buffer zone before unloading.</param>
public sealed record BufferWait(string ConsignmentId, long WeightGrams, int UnloadedAtSeconds, int? LeftAtSeconds, int TruckWaitSeconds = 0);

/// <summary>One batch through the disinfection zone: disinfected together, rested, released together at <paramref name="EndAtSeconds"/>.</summary>
/// <param name="StorageWaitSeconds">How long the cycle was held back (goods waiting in the buffer) until its goods fit the storage zone.</param>
public sealed record DisinfectionCycle(int StartAtSeconds, int EndAtSeconds, IReadOnlyList<CycleLoad> Loads, int StorageWaitSeconds = 0)
{
    public long LoadGrams => Loads.Sum(l => l.WeightGrams);
}

/// <summary>How much of a consignment a cycle carries.</summary>
public sealed record CycleLoad(string ConsignmentId, long WeightGrams);

/// <summary>When the last of a consignment's goods leave the disinfection zone for the storage zone.</summary>
public sealed record ConsignmentRelease(string ConsignmentId, int ReleaseAtSeconds);
