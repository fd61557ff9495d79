using Dispatch.Domain.Geography;
using Dispatch.Planning.GateCycles;
using Dispatch.Planning.GateDay;

namespace Dispatch.Planning.Live;

/// <summary>
/// Holds a top-up's cycles back until their goods fit the gate's storage zone beside what the live plan already
/// releases and has not seen leave (door trips, slot and window ends; goods nobody takes stay all day). The top-up's
/// own goods are counted from their release until the day's end, since their slots and trips are not known yet: a
/// later top-up cycle may wait longer than it must, never overfill the zone. A cycle that cannot fit before the last
/// pickup and door trip is not run, and neither is any after it.
/// </summary>
internal static class TopUpStorageRoom
{
    public static (List<DisinfectionCycle> Cycles, string? NotRun) HoldBack(
        GateTopUpInput input, Gate gate, GateCyclePlan current, IReadOnlyList<DisinfectionCycle> added, int lastUsefulReleaseSeconds)
    {
        var ledger = Ledger(input, gate, current);
        int cycleSeconds = gate.Disinfection.CycleSeconds;
        int zoneFreeAt = current.Cycles.Select(c => c.EndAtSeconds).DefaultIfEmpty(0).Max();
        var held = new List<DisinfectionCycle>(added.Count);
        foreach (var cycle in added.OrderBy(c => c.StartAtSeconds))
        {
            int earliest = Math.Max(cycle.StartAtSeconds, zoneFreeAt);
            var (release, notReleased) = ledger.ReleaseFor(cycle.LoadGrams, earliest, cycleSeconds, lastUsefulReleaseSeconds);
            if (release is null)
            {
                return (held, notReleased);
            }

            int start = release.Value - cycleSeconds;
            held.Add(cycle with { StartAtSeconds = start, EndAtSeconds = release.Value, StorageWaitSeconds = start - cycle.StartAtSeconds });
            ledger.Release(release.Value, cycle.LoadGrams);
            zoneFreeAt = release.Value;
        }

        return (held, null);
    }

    private static StorageLedger Ledger(GateTopUpInput input, Gate gate, GateCyclePlan current)
    {
        var ledger = new StorageLedger(gate.Storage.CapacityGrams);
        foreach (var cycle in current.Cycles.OrderBy(c => c.EndAtSeconds))
        {
            ledger.Release(cycle.EndAtSeconds, cycle.LoadGrams);
        }

        var leaving = StorageDepartures.Of(input.Current);
        foreach (var outcome in input.Current.Orders.Where(o => o.GateId == gate.Id && o.IsServed))
        {
            if (leaving.TryGetValue(outcome.OrderId, out int at) && input.PlannedOrders.TryGetValue(outcome.OrderId, out var order))
            {
                ledger.Leave(at, order.Bundles.WeightGrams(input.Scenario.Catalog));
            }
        }

        return ledger;
    }
}
