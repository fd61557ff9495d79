namespace Dispatch.Planning.PickupSlots;

/// <summary>Which slot each household collects in, how full each slot is, and who could not be fitted.</summary>
/// <param name="Slots">Every slot of the day, in time order, used or not.</param>
/// <param name="WeightedWaitSeconds">Sum over assigned households of weight x (slot start - ready): the objective minimised.</param>
/// <param name="BuildingCapPerSlot">
/// The building cap the plan keeps: the input's, or the crowd cap when the input's would have left households without a slot.
/// </param>
/// <param name="FreeWindows">Low-risk households' free-pickup windows (null in plans made before they existed).</param>
public sealed record PickupSlotPlan(
    string GateId,
    IReadOnlyList<PickupSlot> Slots,
    IReadOnlyList<SlotAssignment> Assignments,
    IReadOnlyList<UnassignedHousehold> Unassigned,
    PlanSource Source,
    long WeightedWaitSeconds,
    int BuildingCapPerSlot,
    IReadOnlyList<FreePickupWindow>? FreeWindows = null);

/// <summary>When a low-risk household may collect: any time in the window; it counts as in the pickup zone for all of it.</summary>
public sealed record FreePickupWindow(string HouseholdId, int StartAtSeconds, int EndAtSeconds);

/// <summary>A staggered pickup window at the gate.</summary>
public sealed record PickupSlot(int Index, int StartAtSeconds, int EndAtSeconds, int Households);

/// <summary>A household's pickup slot.</summary>
/// <param name="WaitSeconds">Slot start minus the household's ready time.</param>
public sealed record SlotAssignment(string HouseholdId, int SlotIndex, int StartAtSeconds, int WaitSeconds);

/// <summary>A household left without a slot today.</summary>
public sealed record UnassignedHousehold(string HouseholdId, PickupUnassignedReason Reason, string Detail)
{
    public static UnassignedHousehold ReadyAfterLastSlot(PickupHousehold household) =>
        new(household.HouseholdId, PickupUnassignedReason.ReadyAfterLastSlot, $"ready at {household.ReadyAtSeconds} s, after the last slot starts");

    public static UnassignedHousehold NoRoom(PickupHousehold household) =>
        new(household.HouseholdId, PickupUnassignedReason.NoRoomBeforeDayEnd, "every slot from its ready time on is full");

    /// <summary>An order's reason for having no slot, in its outcome.</summary>
    public static string OutcomeReason(UnassignedHousehold? why) => why is null ? "no pickup slot" : $"no pickup slot: {why.Reason}: {why.Detail}";
}
