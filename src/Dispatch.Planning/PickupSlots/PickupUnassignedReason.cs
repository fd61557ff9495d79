namespace Dispatch.Planning.PickupSlots;

/// <summary>Why a household has no slot.</summary>
public enum PickupUnassignedReason
{
    /// <summary>Its goods are ready after the last slot of the day starts.</summary>
    ReadyAfterLastSlot = 0,

    /// <summary>Every slot from its ready time on is full (crowd cap or building spread cap).</summary>
    NoRoomBeforeDayEnd = 1,
}
