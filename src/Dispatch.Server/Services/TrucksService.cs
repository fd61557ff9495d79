using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Mapping;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Truck drivers' live trips, their departures from the supermarket and their arrivals at gates.</summary>
public sealed class TrucksService(ILiveDispatch live, IRouteHub<TruckAssignment> hub, IHostApplicationLifetime lifetime) : Trucks.TrucksBase
{
    public override async Task StreamTruckAssignments(StreamTruckAssignmentsRequest request, IServerStreamWriter<TruckAssignment> responseStream, ServerCallContext context)
    {
        RequireTruck(context, request.TruckId, staffMayAct: true);
        await RouteStreaming.StreamAsync(hub, request.TruckId, request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportArrivalResult> ReportArrival(ReportArrivalRequest request, ServerCallContext context)
    {
        RequireTruck(context, request.TruckId);
        var report = TruckReportMapping.ToDomain(request);
        return TruckReportMapping.ToProto(await live.ReportArrivalAsync(report, context.CancellationToken));
    }

    public override async Task<ReportDepartureResult> ReportDeparture(ReportDepartureRequest request, ServerCallContext context)
    {
        RequireTruck(context, request.TruckId);
        var report = TruckReportMapping.ToDomain(request);
        return TruckReportMapping.ToProto(await live.ReportDepartureAsync(report, context.CancellationToken));
    }

    /// <summary>The id's rules, then whether the caller may act as that truck's driver, then whether the truck exists.</summary>
    private void RequireTruck(ServerCallContext context, string truckId, bool staffMayAct = false)
    {
        RequestChecks.Id("truck_id", truckId);
        context.GetCaller().EnsureTruck(truckId, staffMayAct);
        if (!live.IsKnownTruck(truckId))
        {
            throw new ResourceNotFoundException("truck", truckId);
        }
    }
}
