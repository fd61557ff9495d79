using Dispatch.Planning.District;
using Dispatch.Planning.Live;
using Dispatch.Planning.Trucks;

namespace Dispatch.Planning.Tests.Live;

/// <summary>The first truck stop of a one-gate plan arriving late, as live dispatch re-plans it.</summary>
internal static class LateTruck
{
    public static LateTruckArrival Arrives(PlanningInput input, Plan plan, int lateBySeconds)
    {
        var stop = plan.TruckRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Stops).First();
        int arrived = stop.ArrivalSeconds + lateBySeconds;
        int onGround = arrived + input.Settings.TruckUnloadSeconds;
        var truck = plan.TruckRoutes.First(r => r.Trips.Any(t => t.Stops.Contains(stop))).TruckId;
        var unloads = new LateUnloads().Of(new LateUnloadsInput(plan.TruckRoutes, stop.GateId, truck, stop.LoadId, input.Settings.TruckUnloadSeconds));
        var late = unloads.LateConsignmentIds;
        var moved = new LateArrivalReplanner().Replan(new LateArrivalInput(input.Scenario.Gates.Single(), plan.GateCycles.Single(), unloads.Unloads, late, onGround, plan.Orders, input.Settings.CycleLimits));
        var trucks = plan.TruckRoutes.Select(r => r with
        {
            Trips = r.Trips.Select(t => t with { Stops = t.Stops.Select(s => s.LoadId == stop.LoadId ? s with { ArrivalSeconds = arrived, UnloadStartSeconds = arrived } : s).ToList() }).ToList(),
        }).ToList();
        return new LateTruckArrival(onGround, late, moved, trucks);
    }
}

/// <param name="LateConsignments">The late load's consignment ids.</param>
/// <param name="Trucks">The plan's truck routes with the late stop at its real time.</param>
internal sealed record LateTruckArrival(int OnGroundSeconds, IReadOnlySet<string> LateConsignments, LateArrivalResult Moved, IReadOnlyList<TruckRoute> Trucks);
