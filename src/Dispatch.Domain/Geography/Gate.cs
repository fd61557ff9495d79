namespace Dispatch.Domain.Geography;

/// <summary>
/// A community gate where trucks unload. Goods go buffer-disinfection zone -> storage zone -> pickup zone.
/// </summary>
/// <param name="ReceivingOpensAtSeconds">Seconds from the plan day's start when trucks may start unloading.</param>
/// <param name="ReceivingClosesAtSeconds">Seconds from the plan day's start after which no truck unloads (may exceed one day).</param>
/// <param name="Buffer">Where unloaded goods wait for their disinfection cycle; null (scenarios written before it existed): not bounded.</param>
public sealed record Gate(
    string Id,
    string CommunityId,
    string Name,
    GeoPoint Location,
    DisinfectionZone Disinfection,
    StorageZone Storage,
    PickupZone Pickup,
    int ReceivingOpensAtSeconds,
    int ReceivingClosesAtSeconds,
    BufferZone? Buffer = null);

/// <summary>The buffer zone before disinfection: unloaded goods wait here for their cycle; when it is full, trucks wait or come later.</summary>
public sealed record BufferZone(long CapacityGrams);

/// <summary>The buffer-disinfection zone: goods are disinfected together, then rest before release.</summary>
/// <param name="CapacityGramsPerCycle">How much the zone holds in one cycle.</param>
/// <param name="DisinfectionSeconds">Spraying time of one cycle.</param>
/// <param name="RestSeconds">Rest after disinfection before goods may move on; 30 minutes by default.</param>
public sealed record DisinfectionZone(long CapacityGramsPerCycle, int DisinfectionSeconds, int RestSeconds = DisinfectionZone.DefaultRestSeconds)
{
    public const int DefaultRestSeconds = 30 * Units.SecondsPerMinute;

    /// <summary>Length of one cycle: disinfection plus rest.</summary>
    public int CycleSeconds => DisinfectionSeconds + RestSeconds;
}

/// <summary>Where released goods wait for volunteers or pickup.</summary>
public sealed record StorageZone(long CapacityGrams);

/// <summary>Where households collect goods; at most <paramref name="CrowdCap"/> people at once (30 by default).</summary>
public sealed record PickupZone(int CrowdCap = PickupZone.DefaultCrowdCap)
{
    public const int DefaultCrowdCap = 30;
}
