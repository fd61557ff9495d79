using Dispatch.Contracts.V1;
using Dispatch.Domain.Geography;
using Dispatch.Server.Auth;
using Dispatch.Server.Live;
using Google.Protobuf;
using Grpc.Core;

namespace Dispatch.Server.Cluster;

/// <summary>
/// Drivers on any silo of the city. A truck is named with its district (<c>district/T01</c>); its trips stream from this
/// silo's copy of the district's routes with the single server's versions and resume rule; arrivals and departures go
/// to the district's grain.
/// </summary>
public sealed class CityTrucksService(CityMembers members, CityRouteFeed routes, IHostApplicationLifetime lifetime) : Trucks.TrucksBase
{
    public override async Task StreamTruckAssignments(StreamTruckAssignmentsRequest request, IServerStreamWriter<TruckAssignment> responseStream, ServerCallContext context)
    {
        var (truck, _) = await TruckAsync(context, request.TruckId, staffMayAct: true);
        await routes.FollowAsync(truck.District);
        await RouteStreaming.StreamAsync(routes.Trucks, truck.ToString(), request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportArrivalResult> ReportArrival(ReportArrivalRequest request, ServerCallContext context)
    {
        var (truck, grain) = await TruckAsync(context, request.TruckId);
        var local = request.Clone();
        local.TruckId = truck.LocalId;
        return await DistrictCall.SendAsync(truck.District.ToString(), () => grain.ReportArrival(local.ToByteArray()), ReportArrivalResult.Parser);
    }

    public override async Task<ReportDepartureResult> ReportDeparture(ReportDepartureRequest request, ServerCallContext context)
    {
        var (truck, grain) = await TruckAsync(context, request.TruckId);
        var local = request.Clone();
        local.TruckId = truck.LocalId;
        return await DistrictCall.SendAsync(truck.District.ToString(), () => grain.ReportDeparture(local.ToByteArray()), ReportDepartureResult.Parser);
    }

    private Task<(DistrictScopedId Truck, IDistrictGrain Grain)> TruckAsync(ServerCallContext context, string truckId, bool staffMayAct = false) =>
        members.FindAsync("truck_id", truckId, "truck", id => context.GetCaller().EnsureTruck(id, staffMayAct), (grain, local) => grain.HasTruck(local));
}
