using Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// Each volunteer's current route and the streams that follow it. In-process today; keyed by volunteer so it can
/// move behind a per-district grain later without touching the service.
/// </summary>
public interface IAssignmentHub
{
    /// <summary>
    /// Offers fresh routes (their version fields are ignored). A route that differs from the volunteer's current
    /// one becomes current at <paramref name="planVersion"/> and goes to that volunteer's streams; others send nothing.
    /// </summary>
    /// <returns>The volunteers whose route changed.</returns>
    IReadOnlyList<string> Publish(IEnumerable<Assignment> routes, int planVersion);

    /// <summary>The volunteer's current route, or null before any plan names them.</summary>
    Assignment? Current(string volunteerId);

    /// <summary>Follows a volunteer's route: the current one first when newer than <paramref name="lastSeenVersion"/>, then each change; latest wins.</summary>
    AssignmentSubscription Subscribe(string volunteerId, int lastSeenVersion);
}
