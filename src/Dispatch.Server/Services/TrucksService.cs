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
        context.GetCaller().EnsureTruck(request.TruckId, staffMayAct: true);
        RequireTruck(request.TruckId);
        await RouteStreaming.StreamAsync(hub, request.TruckId, request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportArrivalResult> ReportArrival(ReportArrivalRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureTruck(request.TruckId);
        RequireTruck(request.TruckId);
        if (string.IsNullOrWhiteSpace(request.GateId))
        {
            throw new InvalidRequestException("gate_id", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(request.LoadId))
        {
            throw new InvalidRequestException("load_id", "must not be empty");
        }

        if (request.ArrivedAtSeconds < 0)
        {
            throw new InvalidRequestException("arrived_at_seconds", $"must not be negative, was {request.ArrivedAtSeconds}");
        }

        var result = await live.ReportArrivalAsync(new ArrivalReport(request.TruckId, request.GateId, request.LoadId, request.ArrivedAtSeconds), context.CancellationToken);
        return new ReportArrivalResult { Replayed = result.Replayed, LateBySeconds = result.LateBySeconds, Replanned = result.Replanned, PlanVersion = result.PlanVersion };
    }

    public override async Task<ReportDepartureResult> ReportDeparture(ReportDepartureRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureTruck(request.TruckId);
        RequireTruck(request.TruckId);
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

    private void RequireTruck(string truckId)
    {
        if (string.IsNullOrWhiteSpace(truckId))
        {
            throw new InvalidRequestException("truck_id", "must not be empty");
        }

        if (!live.IsKnownTruck(truckId))
        {
            throw new ResourceNotFoundException("truck", truckId);
        }
    }
}
