using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.GateDay;

namespace Dispatch.Planning.PickupSlots;

/// <summary>
/// Gives low-risk households whose goods come late a free-pickup window without moving anyone already told a slot or a
/// window: each takes the earliest window from its ready time on with room under the crowd cap in every step, counting
/// the slots and windows already promised. A household that already has a window keeps it when its new goods are
/// ready by then, else moves to a later one.
/// </summary>
internal static class FreePickupTopUp
{
    /// <returns>The plan with the windows added, and why each household left without one has none.</returns>
    public static (PickupSlotPlan Plan, Dictionary<string, string> NoWindow) Place(
        PickupSlotPlan plan, PickupZone zone, IReadOnlyList<(string HouseholdId, int ReadyAtSeconds)> households, PlanningSettings settings)
    {
        var windows = (plan.FreeWindows ?? []).ToDictionary(w => w.HouseholdId, StringComparer.Ordinal);
        var noWindow = new Dictionary<string, string>(StringComparer.Ordinal);
        if (households.Count == 0)
        {
            return (plan, noWindow);
        }

        var crowd = new PickupCrowd(settings.PickupOpensAtSeconds, settings.PickupClosesAtSeconds, settings.SlotSeconds, zone.CrowdCap);
        foreach (var slot in plan.Slots.Where(s => s.Households > 0))
        {
            crowd.Occupy(slot.StartAtSeconds, slot.EndAtSeconds, slot.Households);
        }

        var moving = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (householdId, readyAt) in households)
        {
            if (windows.TryGetValue(householdId, out var held) && held.StartAtSeconds < readyAt)
            {
                moving.Add(householdId);
            }
        }

        foreach (var window in windows.Values.Where(w => !moving.Contains(w.HouseholdId)))
        {
            crowd.Occupy(window.StartAtSeconds, window.EndAtSeconds);
        }

        int windowSteps = Math.Max(1, settings.FreePickupWindowSeconds / settings.SlotSeconds);
        foreach (var (householdId, readyAt) in households.OrderBy(h => h.ReadyAtSeconds).ThenBy(h => h.HouseholdId, StringComparer.Ordinal))
        {
            if (windows.ContainsKey(householdId) && !moving.Contains(householdId))
            {
                continue;
            }

            windows.Remove(householdId);
            int step = crowd.TakeWindow(readyAt, windowSteps);
            if (step < 0)
            {
                noWindow[householdId] = PickupCrowd.NoWindowReason(readyAt, settings.PickupClosesAtSeconds, settings.FreePickupWindowSeconds);
                continue;
            }

            windows[householdId] = new FreePickupWindow(householdId, crowd.StartOf(step), crowd.StartOf(step + windowSteps));
        }

        return (plan with { FreeWindows = windows.Values.OrderBy(w => w.StartAtSeconds).ThenBy(w => w.HouseholdId, StringComparer.Ordinal).ToList() }, noWindow);
    }
}
