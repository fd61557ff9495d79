using Dispatch.Planning.District;
using Dispatch.Planning.GateCycles;

namespace Dispatch.Planning.Live;

/// <summary>
/// Re-schedules one gate's disinfection after a late truck: cycles that started before the late goods were on the
/// ground and hold none of them ran as planned; everything else is scheduled again from then on. Orders move
/// with their consignment: an order of the late truck released with a consignment at time r is released when
/// that consignment now is (the plan keeps no order-to-consignment map; truck and release time identify it).
/// Pure: no clock.
/// </summary>
public sealed class LateArrivalReplanner
{
    public LateArrivalResult Replan(LateArrivalInput input, CancellationToken cancellation = default)
    {
        var kept = input.Current.Cycles
            .Where(c => c.StartAtSeconds < input.OnGroundAtSeconds && !c.Loads.Any(l => input.LateConsignmentIds.Contains(l.ConsignmentId)))
            .OrderBy(c => c.StartAtSeconds)
            .ToList();
        var done = kept.SelectMany(c => c.Loads).GroupBy(l => l.ConsignmentId).ToDictionary(g => g.Key, g => g.Sum(l => l.WeightGrams), StringComparer.Ordinal);
        var remaining = new List<Consignment>();
        foreach (var unload in input.Unloads)
        {
            long left = unload.WeightGrams - done.GetValueOrDefault(unload.ConsignmentId);
            if (left > 0)
            {
                int arrival = input.LateConsignmentIds.Contains(unload.ConsignmentId) ? input.OnGroundAtSeconds : unload.OnGroundAtSeconds;
                remaining.Add(new Consignment(unload.ConsignmentId, arrival, left, 1, 0));
            }
        }

        int opensAt = Math.Max(input.OnGroundAtSeconds, kept.Count == 0 ? 0 : kept[^1].EndAtSeconds);
        var rescheduled = remaining.Count == 0
            ? []
            : new DisinfectionScheduler()
                .Schedule(new DisinfectionInput([new GateArrivals(input.Gate.Id, input.Gate.Disinfection, input.Gate.Storage, remaining, OpensAtSeconds: opensAt)], input.Limits), cancellation)
                .Gates.Single().Cycles;
        var cycles = kept.Concat(rescheduled).OrderBy(c => c.StartAtSeconds).ToList();
        var releases = CycleReleases.Of(cycles);

        // Old release -> new release, per truck, for consignments whose release moved.
        var truckOf = input.Unloads.ToDictionary(u => u.ConsignmentId, u => u.TruckId, StringComparer.Ordinal);
        var newRelease = releases.ToDictionary(r => r.ConsignmentId, r => r.ReleaseAtSeconds, StringComparer.Ordinal);
        var moved = new Dictionary<(string TruckId, int OldRelease), int>();
        foreach (var old in input.Current.Releases)
        {
            if (newRelease.TryGetValue(old.ConsignmentId, out int now) && now != old.ReleaseAtSeconds && truckOf.TryGetValue(old.ConsignmentId, out var truck))
            {
                var key = (truck, old.ReleaseAtSeconds);
                moved[key] = Math.Max(now, moved.GetValueOrDefault(key));
            }
        }

        var outcomes = input.Outcomes
            .Select(o => o.TruckId is { } truck && o.ReadyAtSeconds is int ready && moved.TryGetValue((truck, ready), out int later)
                ? o with { ReadyAtSeconds = later, ServedAtSeconds = o.ServedAtSeconds is int served ? Math.Max(served, later) : null }
                : o)
            .ToList();
        return new LateArrivalResult(input.Current with { Cycles = cycles, Releases = releases }, outcomes);
    }
}
