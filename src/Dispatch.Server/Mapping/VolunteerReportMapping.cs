using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;

namespace Dispatch.Server.Mapping;

/// <summary>A volunteer's reports (door outcomes, trip starts, pickups at the gate) between the API and live dispatch, with the checks of their fields.</summary>
public static class VolunteerReportMapping
{
    // Proof codes are 6 digits; a household token is 22 characters. Anything much longer is not a code.
    private const int MaxCodeLength = 32;

    public static StopReportRequest ToDomain(ReportStopRequest request) => request.OutcomeCase switch
    {
        ReportStopRequest.OutcomeOneofCase.Delivered when CodeProblem(request.Delivered.ConfirmationCode) is { } problem =>
            throw new InvalidRequestException("delivered.confirmation_code", problem),
        ReportStopRequest.OutcomeOneofCase.Delivered => new StopReportRequest(request.VolunteerId, request.DeliveryId, true, request.Delivered.ConfirmationCode, null),
        ReportStopRequest.OutcomeOneofCase.Failed when request.Failed.Reason == FailureReason.Unspecified =>
            throw new InvalidRequestException("failed.reason", "must be given"),
        ReportStopRequest.OutcomeOneofCase.Failed when !Enum.IsDefined((DoorFailure)(int)request.Failed.Reason) =>
            throw new InvalidRequestException("failed.reason", $"unknown reason {(int)request.Failed.Reason}"),
        ReportStopRequest.OutcomeOneofCase.Failed => new StopReportRequest(request.VolunteerId, request.DeliveryId, false, string.Empty, (DoorFailure)(int)request.Failed.Reason),
        _ => throw new InvalidRequestException("outcome", "must be delivered or failed"),
    };

    public static ReportStopResult ToProto(StopReportResult result) => new()
    {
        DeliveryId = result.DeliveryId,
        State = result.Delivered ? StopState.Delivered : StopState.Failed,
        Replayed = result.Replayed,
        PlanVersion = result.PlanVersion,
    };

    /// <summary>The trip number of a trip start, checked.</summary>
    public static int TripNumber(StartTripRequest request) => request.TripNumber >= 1
        ? request.TripNumber
        : throw new InvalidRequestException("trip_number", $"must be at least 1, was {request.TripNumber}");

    public static StartTripResult ToProto(TripStartResult result)
    {
        var answer = new StartTripResult { Replayed = result.Replayed, PlanVersion = result.PlanVersion };
        answer.Orders.AddRange(result.OrderIds);
        return answer;
    }

    public static PickupConfirmation ToDomain(ConfirmPickupRequest request)
    {
        Services.RequestChecks.Id("order_id", request.OrderId, Services.RequestChecks.MaxComposedIdLength);
        if (CodeProblem(request.ConfirmationCode) is { } problem)
        {
            throw new InvalidRequestException("confirmation_code", problem);
        }

        return new PickupConfirmation(request.VolunteerId, request.OrderId, request.ConfirmationCode);
    }

    public static ConfirmPickupResult ToProto(PickupResult result) => new() { Replayed = result.Replayed, PlanVersion = result.PlanVersion };

    /// <summary>Why a confirmation code cannot be one; null when it can.</summary>
    public static string? CodeProblem(string code) =>
        string.IsNullOrWhiteSpace(code) ? "must not be empty: ask the household for their code" : IdText.Problem(code.Trim(), MaxCodeLength);
}
