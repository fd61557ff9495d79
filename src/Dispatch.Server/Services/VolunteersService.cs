using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>Volunteers' live routes, their trips from the gate, their reports from the doors and pickups at the gate.</summary>
public sealed class VolunteersService(ILiveDispatch live, IRouteHub<Assignment> hub, IHostApplicationLifetime lifetime) : Volunteers.VolunteersBase
{
    public override async Task StreamAssignments(StreamAssignmentsRequest request, IServerStreamWriter<Assignment> responseStream, ServerCallContext context)
    {
        context.GetCaller().EnsureVolunteer(request.VolunteerId, staffMayAct: true);
        RequireVolunteer(request.VolunteerId);

        // Headers now, not with the first route: a client resuming at its current version knows it is connected.
        await context.WriteResponseHeadersAsync([]);
        await RouteStreaming.StreamAsync(hub, request.VolunteerId, request.LastSeenVersion, responseStream, lifetime, context.CancellationToken);
    }

    public override async Task<ReportStopResult> ReportStop(ReportStopRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureVolunteer(request.VolunteerId);
        RequireVolunteer(request.VolunteerId);
        if (string.IsNullOrWhiteSpace(request.DeliveryId))
        {
            throw new InvalidRequestException("delivery_id", "must not be empty");
        }

        var report = request.OutcomeCase switch
        {
            ReportStopRequest.OutcomeOneofCase.Delivered when string.IsNullOrWhiteSpace(request.Delivered.ConfirmationCode) =>
                throw new InvalidRequestException("delivered.confirmation_code", "must not be empty: ask the household for their code"),
            ReportStopRequest.OutcomeOneofCase.Delivered => new StopReportRequest(request.VolunteerId, request.DeliveryId, true, request.Delivered.ConfirmationCode, null),
            ReportStopRequest.OutcomeOneofCase.Failed when request.Failed.Reason == FailureReason.Unspecified =>
                throw new InvalidRequestException("failed.reason", "must be given"),
            ReportStopRequest.OutcomeOneofCase.Failed when !Enum.IsDefined((DoorFailure)(int)request.Failed.Reason) =>
                throw new InvalidRequestException("failed.reason", $"unknown reason {(int)request.Failed.Reason}"),
            ReportStopRequest.OutcomeOneofCase.Failed => new StopReportRequest(request.VolunteerId, request.DeliveryId, false, string.Empty, (DoorFailure)(int)request.Failed.Reason),
            _ => throw new InvalidRequestException("outcome", "must be delivered or failed"),
        };

        var result = await live.ReportStopAsync(report, context.CancellationToken);
        return new ReportStopResult
        {
            DeliveryId = result.DeliveryId,
            State = result.Delivered ? StopState.Delivered : StopState.Failed,
            Replayed = result.Replayed,
            PlanVersion = result.PlanVersion,
        };
    }

    public override async Task<SetAvailabilityResult> SetAvailability(SetAvailabilityRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureVolunteer(request.VolunteerId, staffMayAct: true);
        RequireVolunteer(request.VolunteerId);
        int version = await live.SetAvailabilityAsync(request.VolunteerId, request.Available, context.CancellationToken);
        return new SetAvailabilityResult { Available = request.Available, PlanVersion = version };
    }

    public override async Task<StartTripResult> StartTrip(StartTripRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureVolunteer(request.VolunteerId);
        RequireVolunteer(request.VolunteerId);
        if (request.TripNumber < 1)
        {
            throw new InvalidRequestException("trip_number", $"must be at least 1, was {request.TripNumber}");
        }

        var result = await live.StartTripAsync(request.VolunteerId, request.TripNumber, context.CancellationToken);
        var answer = new StartTripResult { Replayed = result.Replayed, PlanVersion = result.PlanVersion };
        answer.Orders.AddRange(result.OrderIds);
        return answer;
    }

    public override async Task<ConfirmPickupResult> ConfirmPickup(ConfirmPickupRequest request, ServerCallContext context)
    {
        context.GetCaller().EnsureVolunteer(request.VolunteerId);
        RequireVolunteer(request.VolunteerId);
        if (string.IsNullOrWhiteSpace(request.OrderId))
        {
            throw new InvalidRequestException("order_id", "must not be empty");
        }

        if (string.IsNullOrWhiteSpace(request.ConfirmationCode))
        {
            throw new InvalidRequestException("confirmation_code", "must not be empty: ask the household for their code");
        }

        var result = await live.ConfirmPickupAsync(new PickupConfirmation(request.VolunteerId, request.OrderId, request.ConfirmationCode), context.CancellationToken);
        return new ConfirmPickupResult { Replayed = result.Replayed, PlanVersion = result.PlanVersion };
    }

    private void RequireVolunteer(string volunteerId)
    {
        if (string.IsNullOrWhiteSpace(volunteerId))
        {
            throw new InvalidRequestException("volunteer_id", "must not be empty");
        }

        if (!live.IsKnownVolunteer(volunteerId))
        {
            throw new ResourceNotFoundException("volunteer", volunteerId);
        }
    }
}
