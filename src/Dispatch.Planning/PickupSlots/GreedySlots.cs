namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Fills slots in time order, each as full as the crowd and building caps allow: heavier (vulnerable)
/// classes first, then the class whose next household has waited longest. Always feasible; the fallback
/// and the CP-SAT hint.
/// </summary>
internal static class GreedySlots
{
    /// <summary>Households of each class per slot: [class, slot].</summary>
    public static int[,] Plan(IReadOnlyList<PickupClass> classes, int slotCount, int crowdCap, int buildingCap)
    {
        var counts = new int[classes.Count, slotCount];
        var seated = new int[classes.Count];
        var perBuilding = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var slot = 0; slot < slotCount; slot++)
        {
            var room = crowdCap;
            perBuilding.Clear();
            var waiting = Enumerable.Range(0, classes.Count)
                .Where(c => seated[c] < classes[c].Size && classes[c].FirstSlots[seated[c]] <= slot)
                .OrderByDescending(c => classes[c].Weight)
                .ThenBy(c => classes[c].FirstSlots[seated[c]])
                .ThenBy(c => classes[c].Building, StringComparer.Ordinal)
                .ToList();
            foreach (var c in waiting)
            {
                var used = perBuilding.GetValueOrDefault(classes[c].Building);
                var take = Math.Min(classes[c].ReadyBy(slot) - seated[c], Math.Min(room, buildingCap - used));
                if (take <= 0)
                {
                    continue;
                }

                counts[c, slot] = take;
                seated[c] += take;
                room -= take;
                perBuilding[classes[c].Building] = used + take;
                if (room == 0)
                {
                    break;
                }
            }
        }

        return counts;
    }
}
