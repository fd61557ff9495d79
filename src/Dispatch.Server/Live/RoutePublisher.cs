using Dispatch.Domain.Scenarios;
using Dispatch.Server.Mapping;
using V1 = Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// Offers the live day's routes to the streams: domain routes in, the protocol's messages out. The only part of
/// live dispatch that knows the wire types; the hubs send on what changed.
/// </summary>
internal sealed class RoutePublisher(ScenarioIndex scenario, LiveRoster roster, IRouteHub<V1.Assignment> volunteers, IRouteHub<V1.TruckAssignment> trucks)
{
    /// <summary>Offers the routes of one gate's volunteers (every volunteer when <paramref name="gateId"/> is null); returns how many changed.</summary>
    public int PublishVolunteers(LiveDay day, string? gateId)
    {
        var routes = day.Plan.Plan.DoorRoutes.SelectMany(d => d.Routes).ToDictionary(r => r.VolunteerId, StringComparer.Ordinal);
        var assignments = roster.Volunteers
            .Where(v => gateId is null || v.GateId == gateId)
            .Select(v => AssignmentMapping.ToAssignment(day.DistrictId, day.Day, v, routes.GetValueOrDefault(v.Id), !day.Unavailable.ContainsKey(v.Id), scenario, day.Orders, day.Reports));
        return volunteers.Publish(assignments, day.Plan.Version).Count;
    }

    /// <summary>Offers every truck's route.</summary>
    public void PublishTrucks(LiveDay day)
    {
        var routes = day.Plan.Plan.TruckRoutes.ToDictionary(r => r.TruckId, StringComparer.Ordinal);
        trucks.Publish(roster.Trucks.Select(t => TruckAssignmentMapping.ToTruckAssignment(day.DistrictId, day.Day, t, routes.GetValueOrDefault(t.Id), scenario)), day.Plan.Version);
    }
}
