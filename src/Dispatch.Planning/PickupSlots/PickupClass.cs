namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Households of one building with one wait weight. The model only counts how many of a class go to each
/// slot: handing those slots out in ready order seats everyone no earlier than ready whenever, for every
/// slot, no more are seated up to it than are ready by it.
/// </summary>
/// <param name="Members">Indexes into the input's households, in ready order.</param>
/// <param name="FirstSlots">Each member's first slot starting at or after its ready time (non-decreasing).</param>
internal sealed record PickupClass(string Building, long Weight, IReadOnlyList<int> Members, IReadOnlyList<int> FirstSlots)
{
    public int Size => Members.Count;

    public int EarliestSlot => FirstSlots[0];

    /// <summary>How many members are ready for slot <paramref name="slot"/>.</summary>
    public int ReadyBy(int slot)
    {
        var low = 0;
        var high = FirstSlots.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (FirstSlots[middle] <= slot)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>Slots just before a new member becomes ready, and the last slot: where the ready-count rule binds.</summary>
    public IEnumerable<int> BindingSlots(int slotCount) =>
        FirstSlots.Skip(1).Where((s, i) => s != FirstSlots[i]).Select(s => s - 1).Append(slotCount - 1);
}
