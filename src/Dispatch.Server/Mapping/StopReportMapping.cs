using Dispatch.Contracts.V1;
using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Dispatch.Server.Live;

namespace Dispatch.Server.Mapping;

/// <summary>A volunteer's door report between the API and live dispatch, with the checks of its fields.</summary>
public static class StopReportMapping
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

    /// <summary>Why a confirmation code cannot be one; null when it can.</summary>
    public static string? CodeProblem(string code) =>
        string.IsNullOrWhiteSpace(code) ? "must not be empty: ask the household for their code" : IdText.Problem(code.Trim(), MaxCodeLength);
}
