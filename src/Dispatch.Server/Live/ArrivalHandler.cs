using Dispatch.Domain.Supply;
using Dispatch.Planning.Live;
using Dispatch.Server.Errors;
using Dispatch.Server.Hosting;
using Dispatch.Server.Telemetry;

namespace Dispatch.Server.Live;

/// <summary>
/// A truck at a gate with a load: its orders' goods are disinfecting; more than <see cref="LiveOptions.LateAfterSeconds"/>
/// late re-plans the gate at once and, in the background, each later gate it will now reach late
/// (<see cref="ExpectedLateHandler"/>). A repeat is answered as before, a changed time refused.
/// </summary>
internal sealed class ArrivalHandler(
    LiveDays days,
    LiveRoster roster,
    LiveCoordinator coordinator,
    LateGoodsChange lateGoods,
    ExpectedLateHandler expectedLate,
    OrderProgress progress,
    LiveOptions options,
    PlanClock planClock)
{
    public Task<ArrivalResult> HandleAsync(ArrivalReport report, CancellationToken cancellationToken)
    {
        var truck = roster.Truck(report.TruckId);
        var day = days.OrThrow();
        return coordinator.WithGateAsync(report.GateId, () => ArriveAsync(day, truck, report, cancellationToken), cancellationToken);
    }

    private async Task<ArrivalResult> ArriveAsync(LiveDay day, Vehicle truck, ArrivalReport report, CancellationToken cancellationToken)
    {
        var stops = day.Plan.Plan.TruckRoutes.Where(r => r.TruckId == truck.Id).SelectMany(r => r.Trips).SelectMany(t => t.Stops)
            .Where(s => s.GateId == report.GateId && s.LoadId == report.LoadId)
            .ToList();
        if (stops.Count == 0)
        {
            throw new ResourceNotFoundException("stop", $"load {report.LoadId} at gate {report.GateId} on the route of {truck.Id}");
        }

        // Once late and re-planned, the stop's planned arrival is the reported one: keep the lateness first measured.
        var key = new ArrivalRef(truck.Id, report.GateId, report.LoadId);
        if (day.Arrivals.TryGetValue(key, out var earlier))
        {
            return earlier.ArrivedAtSeconds == report.ArrivedAtSeconds
                ? new ArrivalResult(Replayed: true, earlier.LateBySeconds, Replanned: false, day.Plan.Version)
                : throw new PreconditionFailedException($"load {report.LoadId} was already reported at gate {report.GateId} at {earlier.ArrivedAtSeconds} s; an arrival cannot be changed");
        }

        int lateBy = report.ArrivedAtSeconds - stops.Min(s => s.ArrivalSeconds);
        bool late = lateBy > options.LateAfterSeconds;
        var later = late && day.Plan.Plan.TruckRoutes.FirstOrDefault(r => r.TruckId == truck.Id) is { } route
            ? TruckDelay.Propagate(route, report.GateId, report.LoadId, report.ArrivedAtSeconds)
            : [];

        // Late goods get their new ready time before they count as in disinfection: the release watch must never
        // see them disinfecting with the old one.
        int version = day.Plan.Version;
        if (late)
        {
            var replan = coordinator.Begin(day, report.GateId, $"{truck.Id} late by {lateBy} s with {report.LoadId}", ReplanCauses.LateTruck);
            version = await coordinator.ReplanAsync(lateGoods.Apply(replan, new LateGoods(truck.Id, report.LoadId, report.ArrivedAtSeconds, later), cancellationToken), cancellationToken);
        }

        await progress.ArrivedAsync(day, report, LiveReportKinds.OfArrival(day, key, report.ArrivedAtSeconds, lateBy, planClock.UnixSeconds), cancellationToken);
        day.Arrivals[key] = (report.ArrivedAtSeconds, lateBy);
        expectedLate.Schedule(day, truck.Id, later);
        return new ArrivalResult(Replayed: false, lateBy, Replanned: late, version);
    }
}
