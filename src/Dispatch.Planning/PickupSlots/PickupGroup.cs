namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Households of one building whose first possible slot and weight agree: interchangeable in the model,
/// because their waits differ by a constant whatever slot they get. Members are in ready order.
/// </summary>
internal sealed record PickupGroup(string Building, int FirstSlot, long Weight, IReadOnlyList<int> Members)
{
    public int Size => Members.Count;
}
