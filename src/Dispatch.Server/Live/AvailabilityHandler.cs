using Dispatch.Domain.People;
using Dispatch.Server.Telemetry;
using Dispatch.Storage;

namespace Dispatch.Server.Live;

/// <summary>A volunteer drops out or comes back: stored, and their gate re-planned (a repeat changes nothing).</summary>
internal sealed class AvailabilityHandler(LiveDays days, LiveRoster roster, LiveCoordinator coordinator, LiveReportStore liveReports, PlanClock planClock)
{
    /// <returns>The plan version after it.</returns>
    public Task<int> HandleAsync(AvailabilityChange change, CancellationToken cancellationToken)
    {
        var volunteer = roster.Volunteer(change.VolunteerId);
        var day = days.OrThrow();
        return coordinator.WithGateAsync(volunteer.GateId, () => ChangeAsync(day, volunteer, change.Available, cancellationToken), cancellationToken);
    }

    private async Task<int> ChangeAsync(LiveDay day, Volunteer volunteer, bool available, CancellationToken cancellationToken)
    {
        bool changed = available ? day.Unavailable.ContainsKey(volunteer.Id) : !day.Unavailable.ContainsKey(volunteer.Id);
        if (!changed)
        {
            return day.Plan.Version;
        }

        await liveReports.AppendAsync(LiveReportKinds.OfAvailability(day, volunteer.Id, available, planClock.UnixSeconds), [], cancellationToken);
        _ = available ? day.Unavailable.TryRemove(volunteer.Id, out _) : day.Unavailable.TryAdd(volunteer.Id, true);
        string cause = available ? $"{volunteer.Id} back" : $"{volunteer.Id} dropped out";
        return await coordinator.ReplanAsync(coordinator.Begin(day, volunteer.GateId, cause, ReplanCauses.VolunteerReport), cancellationToken);
    }
}
