using Dispatch.Domain.People;
using Dispatch.Planning.Live;
using Dispatch.Server.Errors;
using Dispatch.Server.Telemetry;

namespace Dispatch.Server.Live;

/// <summary>
/// A volunteer's report from a door: stored once (a repeat is answered as before, a change refused), the order's
/// history told, and a failed door re-plans the gate (a door that did not answer is tried again later).
/// </summary>
internal sealed class StopReportHandler(
    LiveDays days,
    LiveRoster roster,
    LiveCoordinator coordinator,
    ConfirmationGuard guard,
    OrderProgress progress,
    OrderHistory history,
    PlanClock planClock,
    ILogger<StopReportHandler> logger)
{
    public Task<StopReportResult> HandleAsync(StopReportRequest request, CancellationToken cancellationToken)
    {
        var volunteer = roster.Volunteer(request.VolunteerId);
        var day = days.OrThrow();
        return coordinator.WithGateAsync(volunteer.GateId, () => ReportAsync(day, volunteer, request, cancellationToken), cancellationToken);
    }

    private async Task<StopReportResult> ReportAsync(LiveDay day, Volunteer volunteer, StopReportRequest request, CancellationToken cancellationToken)
    {
        var route = day.RouteOf(volunteer);
        if (route is null || !route.Trips.Any(t => t.Doors.Any(d => d.DeliveryId == request.DeliveryId)))
        {
            // Whether the stop is on someone else's route is not this volunteer's business.
            throw new ResourceNotFoundException("stop", $"{request.DeliveryId} on the route of {volunteer.Id}");
        }

        string reason = request.Delivered ? string.Empty : Describe(request.Failure!.Value);
        if (day.Reports.TryGetValue(request.DeliveryId, out var earlier))
        {
            if (earlier.Delivered == request.Delivered && earlier.Reason == reason)
            {
                return new StopReportResult(request.DeliveryId, request.Delivered, Replayed: true, day.Plan.Version);
            }

            throw new PreconditionFailedException(
                $"stop {request.DeliveryId} was already reported {(earlier.Delivered ? "delivered" : $"failed ({earlier.Reason})")}; a report cannot be changed");
        }

        if (request.Delivered)
        {
            await guard.CheckAsync(day, volunteer.Id, DeliveryIds.OrderIdOf(request.DeliveryId), request.ConfirmationCode, "delivered.confirmation_code", cancellationToken);
        }

        var report = new StopReport(request.DeliveryId, volunteer.Id, request.Delivered, request.Failure == DoorFailure.NoAnswer && !DeliveryIds.IsRetry(request.DeliveryId), reason);
        await progress.StopReportedAsync(day, volunteer, request.DeliveryId, cancellationToken);
        await history.DoorReportedAsync(day, report, LiveReportKinds.OfStop(day, report, planClock.UnixSeconds), () => day.Reports[request.DeliveryId] = report, cancellationToken);
        LiveDispatchLog.StopReported(logger, request.DeliveryId, volunteer.Id, request.Delivered ? "delivered" : reason);

        int version = request.Delivered
            ? day.Plan.Version
            : await coordinator.ReplanAsync(coordinator.Begin(day, volunteer.GateId, $"{request.DeliveryId} failed", ReplanCauses.VolunteerReport), cancellationToken);
        return new StopReportResult(request.DeliveryId, request.Delivered, Replayed: false, version);
    }

    private static string Describe(DoorFailure failure) => failure switch
    {
        DoorFailure.NoAnswer => "no answer",
        DoorFailure.WrongAddress => "wrong address",
        DoorFailure.Refused => "refused",
        DoorFailure.GoodsDamaged => "goods damaged",
        _ => failure.ToString(),
    };
}
