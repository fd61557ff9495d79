using Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>
/// Each owner's (volunteer's, truck's) current route and the streams that follow it. In-process today; keyed by owner id so it can
/// move behind a per-district grain later without touching the service.
/// </summary>
public interface IRouteHub<T>
    where T : class, IVersionedRoute
{
    /// <summary>
    /// Offers fresh routes (their version fields are ignored). A route that differs from the owner's current
    /// one becomes current at <paramref name="planVersion"/> and goes to that owner's streams; others send nothing.
    /// </summary>
    /// <returns>The owners whose route changed.</returns>
    IReadOnlyList<string> Publish(IEnumerable<T> routes, int planVersion);

    /// <summary>The current route, or null before any plan names the owner.</summary>
    T? Current(string ownerId);

    /// <summary>Every owner's current route (a copy), for a relay that starts following the hub late.</summary>
    IReadOnlyList<T> CurrentRoutes();

    /// <summary>
    /// Makes routes that already carry their versions current (a relay fed by the hub that made them); a route no
    /// newer than the owner's current one is ignored. Returns the owners whose route changed.
    /// </summary>
    IReadOnlyList<string> Adopt(IEnumerable<T> routes);

    /// <summary>Raised after routes became current (by Publish or Adopt), with those routes, on the publisher's thread.</summary>
    event Action<IReadOnlyList<T>>? RoutesChanged;

    /// <summary>Follows an owner's route: the current one first when newer than <paramref name="lastSeenVersion"/>, then each change; latest wins.</summary>
    RouteSubscription<T> Subscribe(string ownerId, int lastSeenVersion);
}
