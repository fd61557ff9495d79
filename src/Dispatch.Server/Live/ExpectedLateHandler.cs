using Dispatch.Planning.Live;
using Dispatch.Server.Hosting;
using Dispatch.Server.Telemetry;

namespace Dispatch.Server.Live;

/// <summary>
/// A late truck will be late at its later gates too: each gate it is now expected at more than
/// <see cref="LiveOptions.LateAfterSeconds"/> late is re-planned as for a late arrival, in the background (under
/// that gate's lock, which the caller may hold), unless the truck reports there first.
/// </summary>
internal sealed class ExpectedLateHandler(LiveDays days, LiveCoordinator coordinator, LateGoodsChange lateGoods, LiveWork work, LiveOptions options, ILogger<ExpectedLateHandler> logger)
{
    /// <summary>Re-plans, in the background, each gate of <paramref name="expected"/> the truck will reach too late (its stops one by one).</summary>
    public void Schedule(LiveDay day, string truckId, IReadOnlyList<ExpectedArrival> expected)
    {
        foreach (var atGate in expected.Where(e => e.LateBySeconds > options.LateAfterSeconds).GroupBy(e => e.GateId, StringComparer.Ordinal))
        {
            var stops = atGate.Select(stop => new ExpectedLateArrival(day, truckId, stop)).ToList();
            work.Run(async stopping =>
            {
                LiveWorkDone done = new ReplanCompleted(atGate.Key, $"{truckId} expected late", day.Plan.Version);
                foreach (var stop in stops)
                {
                    done = await HandleAsync(stop, stopping);
                }

                return done;
            });
        }
    }

    public async Task<ReplanCompleted> HandleAsync(ExpectedLateArrival expected, CancellationToken cancellationToken)
    {
        var (day, truckId, stop) = expected;
        string cause = $"{truckId} expected {stop.LateBySeconds} s late with {stop.LoadId}";
        try
        {
            int version = await coordinator.WithGateAsync(
                stop.GateId,
                async () => days.IsCurrent(day) && !day.Arrivals.ContainsKey(new ArrivalRef(truckId, stop.GateId, stop.LoadId))
                    ? await coordinator.ReplanAsync(
                        lateGoods.Apply(coordinator.Begin(day, stop.GateId, cause, ReplanCauses.LateTruck), new LateGoods(truckId, stop.LoadId, stop.ExpectedArrivalSeconds, []), cancellationToken),
                        cancellationToken)
                    : day.Plan.Version,
                cancellationToken);
            return new ReplanCompleted(stop.GateId, cause, version);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The truck's report at that gate will re-plan it anyway.
            LiveDispatchLog.ExpectedLateReplanFailed(logger, stop.GateId, truckId, e);
            return new ReplanCompleted(stop.GateId, cause, day.Plan.Version, e);
        }
    }
}
