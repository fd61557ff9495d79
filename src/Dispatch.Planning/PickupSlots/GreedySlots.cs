namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Fills slots in time order, each as full as the crowd and building caps allow, vulnerable and
/// longest-waiting groups first. Always feasible; the fallback and the CP-SAT hint.
/// </summary>
internal static class GreedySlots
{
    /// <summary>Households of each group per slot: [group, slot].</summary>
    public static int[,] Plan(IReadOnlyList<PickupGroup> groups, int slotCount, int crowdCap, int buildingCap)
    {
        var counts = new int[groups.Count, slotCount];
        var remaining = groups.Select(g => g.Size).ToArray();
        var priority = Enumerable.Range(0, groups.Count)
            .OrderByDescending(g => groups[g].Weight)
            .ThenBy(g => groups[g].FirstSlot)
            .ThenBy(g => groups[g].Building, StringComparer.Ordinal)
            .ToArray();

        for (var slot = 0; slot < slotCount; slot++)
        {
            var room = crowdCap;
            var perBuilding = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var g in priority)
            {
                if (room == 0)
                {
                    break;
                }

                if (remaining[g] == 0 || groups[g].FirstSlot > slot)
                {
                    continue;
                }

                var used = perBuilding.GetValueOrDefault(groups[g].Building);
                var take = Math.Min(remaining[g], Math.Min(room, buildingCap - used));
                if (take <= 0)
                {
                    continue;
                }

                counts[g, slot] = take;
                remaining[g] -= take;
                room -= take;
                perBuilding[groups[g].Building] = used + take;
            }
        }

        return counts;
    }
}
