using Dispatch.Contracts.V1;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Dispatch.Server.Services;

namespace Dispatch.Server.Mapping;

/// <summary>A driver's arrival and departure reports between the API and live dispatch, with the checks of their fields.</summary>
public static class TruckReportMapping
{
    public static ArrivalReport ToDomain(ReportArrivalRequest request)
    {
        RequestChecks.Id("gate_id", request.GateId);
        RequestChecks.Id("load_id", request.LoadId, RequestChecks.MaxComposedIdLength);
        if (request.ArrivedAtSeconds < 0)
        {
            throw new InvalidRequestException("arrived_at_seconds", $"must not be negative, was {request.ArrivedAtSeconds}");
        }

        return new ArrivalReport(request.TruckId, request.GateId, request.LoadId, request.ArrivedAtSeconds);
    }

    public static ReportArrivalResult ToProto(ArrivalResult result) =>
        new() { Replayed = result.Replayed, LateBySeconds = result.LateBySeconds, Replanned = result.Replanned, PlanVersion = result.PlanVersion };

    public static DepartureReport ToDomain(ReportDepartureRequest request)
    {
        if (request.TripNumber < 1)
        {
            throw new InvalidRequestException("trip_number", $"must be at least 1, was {request.TripNumber}");
        }

        if (request.DepartedAtSeconds < 0)
        {
            throw new InvalidRequestException("departed_at_seconds", $"must not be negative, was {request.DepartedAtSeconds}");
        }

        return new DepartureReport(request.TruckId, request.TripNumber, request.DepartedAtSeconds);
    }

    public static ReportDepartureResult ToProto(DepartureResult result) =>
        new() { Replayed = result.Replayed, OrdersOnTruck = result.OrdersOnTruck, PlanVersion = result.PlanVersion };
}
