using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
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
        RequestChecks.Id("gate_id", request.GateId);
        RequestChecks.Id("load_id", request.LoadId, RequestChecks.MaxComposedIdLength);

        if (request.ArrivedAtSeconds < 0)
        {
            throw new InvalidRequestException("arrived_at_seconds", $"must not be negative, was {request.ArrivedAtSeconds}");
        }

        var result = await live.ReportArrivalAsync(new ArrivalReport(request.TruckId, request.GateId, request.LoadId, request.ArrivedAtSeconds), context.CancellationToken);
        return new ReportArrivalResult { Replayed = result.Replayed, LateBySeconds = result.LateBySeconds, Replanned = result.Replanned, PlanVersion = result.PlanVersion };
    }

    public override async Task<ReportDepartureResult> ReportDeparture(ReportDepartureRequest request, ServerCallContext context)
    {
        RequireTruck(context, request.TruckId);
        if (request.TripNumber < 1)
        {
            throw new InvalidRequestException("trip_number", $"must be at least 1, was {request.TripNumber}");
        }

        if (request.DepartedAtSeconds < 0)
        {
            throw new InvalidRequestException("departed_at_seconds", $"must not be negative, was {request.DepartedAtSeconds}");
        }

        var result = await live.ReportDepartureAsync(new DepartureReport(request.TruckId, request.TripNumber, request.DepartedAtSeconds), context.CancellationToken);
        return new ReportDepartureResult { Replayed = result.Replayed, OrdersOnTruck = result.OrdersOnTruck, PlanVersion = result.PlanVersion };
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
