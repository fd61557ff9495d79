using Dispatch.Domain.Geography;

namespace Dispatch.Planning.PickupSlots;

/// <summary>Medium-risk households collecting at one gate's pickup zone, and the pickup day cut into slots.</summary>
/// <param name="Zone">Its crowd cap bounds the households of one slot (one person collects per household).</param>
/// <param name="DayStartAtSeconds">Start of the first slot, seconds from the plan day's start.</param>
/// <param name="DayEndAtSeconds">No slot ends after this; the last slot is the last whole one.</param>
/// <param name="SlotSeconds">Length of one slot; 15 minutes by default.</param>
/// <param name="MaxHouseholdsPerBuildingPerSlot">Spreads a building's neighbours over slots so one stairwell does not empty at once.</param>
/// <param name="VulnerableWaitWeight">How much more a vulnerable household's wait counts (at least 1).</param>
public sealed record PickupSlotInput(
    string GateId,
    PickupZone Zone,
    IReadOnlyList<PickupHousehold> Households,
    int DayStartAtSeconds,
    int DayEndAtSeconds,
    SolveLimits Limits,
    int SlotSeconds = 15 * 60,
    int MaxHouseholdsPerBuildingPerSlot = 10,
    int VulnerableWaitWeight = 5);

/// <summary>A household waiting for its goods to be ready in the storage zone.</summary>
/// <param name="ReadyAtSeconds">When its goods are released from disinfection; no slot may start earlier.</param>
public sealed record PickupHousehold(string HouseholdId, string Building, int ReadyAtSeconds, bool IsVulnerable = false);
