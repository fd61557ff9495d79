using Dispatch.Domain.Geography;
using Dispatch.Planning.District;
using Dispatch.Planning.GateDay;
using Dispatch.Planning.Live;

namespace Dispatch.Planning.Checks;

/// <summary>
/// The rules that hold at every moment of a gate's day, checked from the plan (with the settings it carries), the
/// scenario and the orders alone: the buffer zone from unloading until a cycle takes the goods, the storage zone from release until goods leave (door trip departure, pickup slot
/// end, free-pickup window end; goods that never leave stay all day), the people in the pickup zone (a household
/// counts as on site for its whole slot or window), the 30-minute rest, every free pickup in a window, no goods
/// trucked for an unserved order without saying why, and the households served by the deadline.
/// </summary>
internal static class GateTimelineChecks
{
    public const int MinimumRestSeconds = 30 * 60;

    public static void Check(PlanningInput input, Plan plan, List<string> problems)
    {
        var settings = plan.Settings ?? input.Settings;
        var gates = input.Scenario.Gates.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var catalog = input.Scenario.Catalog;
        var weights = input.Orders.GroupBy(o => o.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Bundles.WeightGrams(catalog), StringComparer.Ordinal);

        foreach (var gate in input.Scenario.Gates.Where(g => g.Disinfection.RestSeconds < MinimumRestSeconds))
        {
            problems.Add($"gate {gate.Id} rests goods {gate.Disinfection.RestSeconds} s, under the 30 minutes every cycle keeps");
        }

        foreach (var cycles in plan.GateCycles)
        {
            var zone = gates[cycles.GateId].Disinfection;
            foreach (var cycle in cycles.Cycles.Where(c => c.EndAtSeconds - c.StartAtSeconds < zone.DisinfectionSeconds + MinimumRestSeconds))
            {
                problems.Add($"gate {cycles.GateId} cycle at {cycle.StartAtSeconds} s releases before disinfection and 30 minutes' rest are over");
            }
        }

        var leaving = StorageDepartures.Of(plan);
        foreach (var cycles in plan.GateCycles)
        {
            var gate = gates[cycles.GateId];
            var changes = cycles.Cycles.Select(c => (At: c.EndAtSeconds, Grams: c.LoadGrams)).ToList();
            foreach (var outcome in plan.Orders.Where(o => o.GateId == gate.Id && o.IsServed))
            {
                if (leaving.TryGetValue(outcome.OrderId, out int at) && weights.TryGetValue(outcome.OrderId, out long grams))
                {
                    changes.Add((at, -grams));
                }
                else
                {
                    problems.Add($"order {outcome.OrderId} is served at gate {gate.Id} but the plan says no time its goods leave storage");
                }
            }

            long held = 0;
            foreach (var moment in changes.GroupBy(c => c.At).OrderBy(g => g.Key))
            {
                held += moment.Sum(c => c.Grams);
                if (held > gate.Storage.CapacityGrams)
                {
                    problems.Add($"gate {gate.Id} storage holds {held} g over {gate.Storage.CapacityGrams} g at {moment.Key} s");
                }
            }
        }

        // Goods are not trucked for nothing: an order on a truck and not served says why it travels (a door that failed
        // during the day is the day's news, not the plan's choice).
        foreach (var outcome in plan.Orders.Where(o => !o.IsServed && o.TruckId is not null
            && !(o.Reason ?? "").StartsWith("trucked ", StringComparison.Ordinal) && !(o.Reason ?? "").StartsWith("door delivery failed", StringComparison.Ordinal)))
        {
            problems.Add($"order {outcome.OrderId} travels on truck {outcome.TruckId} but is not served, and the plan does not say why it travels");
        }

        CheckBuffer(plan, settings, gates, problems);
        CheckPickupZone(plan, settings, gates, problems);
        CheckServedByDeadline(plan, settings, problems);
    }

    // Goods are in the buffer zone from the end of their truck's unloading until a cycle takes them in.
    private static void CheckBuffer(Plan plan, PlanningSettings settings, Dictionary<string, Gate> gates, List<string> problems)
    {
        var changes = plan.TruckRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Stops)
            .Select(s => (s.GateId, At: s.UnloadStartSeconds + settings.TruckUnloadSeconds, Grams: s.WeightGrams))
            .Concat(plan.GateCycles.SelectMany(g => g.Cycles.Select(c => (g.GateId, At: c.StartAtSeconds, Grams: -c.LoadGrams))));
        foreach (var gate in changes.GroupBy(c => c.GateId, StringComparer.Ordinal))
        {
            if (!gates.TryGetValue(gate.Key, out var scenarioGate) || scenarioGate.Buffer is not { } buffer)
            {
                continue;
            }

            long waiting = 0;
            foreach (var moment in gate.GroupBy(c => c.At).OrderBy(g => g.Key))
            {
                waiting += moment.Sum(c => c.Grams);
                if (waiting > buffer.CapacityGrams)
                {
                    problems.Add($"gate {gate.Key} buffer zone holds {waiting} g over {buffer.CapacityGrams} g at {moment.Key} s");
                    break;
                }
            }
        }
    }

    private static void CheckPickupZone(Plan plan, PlanningSettings settings, Dictionary<string, Gate> gates, List<string> problems)
    {
        foreach (var slots in plan.PickupSlots)
        {
            int cap = gates[slots.GateId].Pickup.CrowdCap;
            var ends = slots.Slots.ToDictionary(s => s.Index, s => s.EndAtSeconds);
            var visits = slots.Assignments.Select(a => (Start: a.StartAtSeconds, End: ends.GetValueOrDefault(a.SlotIndex, a.StartAtSeconds + settings.SlotSeconds)))
                .Concat((slots.FreeWindows ?? []).Select(w => (Start: w.StartAtSeconds, End: w.EndAtSeconds)));

            // People arrive at a visit's start and are gone at its end; at one moment the leavers go first.
            int onSite = 0;
            foreach (var change in visits.SelectMany(v => new[] { (At: v.Start, People: 1), (At: v.End, People: -1) }).OrderBy(c => c.At).ThenBy(c => c.People))
            {
                onSite += change.People;
                if (onSite > cap)
                {
                    problems.Add($"gate {slots.GateId} pickup zone holds {onSite} households over the crowd cap of {cap} at {change.At} s");
                    break;
                }
            }

            var windows = (slots.FreeWindows ?? []).ToDictionary(w => w.HouseholdId, StringComparer.Ordinal);
            foreach (var window in windows.Values)
            {
                if (window.StartAtSeconds < settings.PickupOpensAtSeconds || window.EndAtSeconds > settings.PickupClosesAtSeconds || window.EndAtSeconds - window.StartAtSeconds <= settings.SlotSeconds)
                {
                    problems.Add($"gate {slots.GateId} free-pickup window of {window.HouseholdId} ({window.StartAtSeconds}-{window.EndAtSeconds} s) is outside pickup hours or no wider than a slot");
                }
            }

            foreach (var outcome in plan.Orders.Where(o => o.GateId == slots.GateId && o.Fate == OrderFate.FreePickup))
            {
                if (!windows.TryGetValue(outcome.HouseholdId, out var window))
                {
                    problems.Add($"order {outcome.OrderId} is a free pickup but household {outcome.HouseholdId} has no window at gate {slots.GateId}");
                }
                else if (outcome.ServedAtSeconds != window.StartAtSeconds || window.StartAtSeconds < outcome.ReadyAtSeconds)
                {
                    problems.Add($"order {outcome.OrderId} is collected at {outcome.ServedAtSeconds} s, ready at {outcome.ReadyAtSeconds} s, but its window starts at {window.StartAtSeconds} s");
                }
            }
        }
    }

    private static void CheckServedByDeadline(Plan plan, PlanningSettings settings, List<string> problems)
    {
        int byDeadline = plan.Orders.GroupBy(o => o.HouseholdId, StringComparer.Ordinal)
            .Count(h => h.All(o => o.IsServed) && h.Max(o => o.ServedAtSeconds ?? int.MaxValue) <= settings.ServeByDeadlineSeconds);
        if (byDeadline != plan.Kpis.HouseholdsServedByDeadline)
        {
            problems.Add($"the plan claims {plan.Kpis.HouseholdsServedByDeadline} households served by the deadline, its orders say {byDeadline}");
        }
    }
}
