using Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>The in-process <see cref="IRouteHub{T}"/>: one slot per owner (volunteer or truck), guarded by its own lock.</summary>
public sealed class RouteHub<T> : IRouteHub<T>
    where T : class, IVersionedRoute, Google.Protobuf.IMessage<T>
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, OwnerSlot> _slots = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Publish(IEnumerable<T> routes, int planVersion) => MakeCurrent(
        routes.Select(route =>
        {
            var fresh = route.Clone();
            fresh.Version = planVersion;
            fresh.PlanVersion = planVersion;
            return fresh;
        }),
        (current, fresh) => !SameRoute(current, fresh));

    public event Action<IReadOnlyList<T>>? RoutesChanged;

    public IReadOnlyList<T> CurrentRoutes()
    {
        var routes = new List<T>();
        foreach (var slot in _slots.Values)
        {
            lock (slot)
            {
                if (slot.Current is not null)
                {
                    routes.Add(slot.Current);
                }
            }
        }

        return routes;
    }

    public IReadOnlyList<string> Adopt(IEnumerable<T> routes) => MakeCurrent(
        routes,
        (current, route) => route.Version > current.Version || (route.Version == current.Version && !SameRoute(current, route)));

    /// <summary>Each route replaces its owner's current one when there is none or <paramref name="replaces"/> says so, and goes to the owner's streams.</summary>
    private List<string> MakeCurrent(IEnumerable<T> routes, Func<T, T, bool> replaces)
    {
        var changed = new List<string>();
        var current = new List<T>();
        foreach (var route in routes)
        {
            var slot = _slots.GetOrAdd(route.OwnerId, _ => new OwnerSlot());
            lock (slot)
            {
                if (slot.Current is not null && !replaces(slot.Current, route))
                {
                    continue;
                }

                slot.Current = route;
                foreach (var subscriber in slot.Subscribers)
                {
                    subscriber.Offer(route);
                }

                changed.Add(route.OwnerId);
                current.Add(route);
            }
        }

        Announce(current);
        return changed;
    }

    private void Announce(List<T> routes)
    {
        if (routes.Count > 0)
        {
            RoutesChanged?.Invoke(routes);
        }
    }

    public T? Current(string ownerId)
    {
        if (!_slots.TryGetValue(ownerId, out var slot))
        {
            return null;
        }

        lock (slot)
        {
            return slot.Current;
        }
    }

    public RouteSubscription<T> Subscribe(string ownerId, int lastSeenVersion)
    {
        var slot = _slots.GetOrAdd(ownerId, _ => new OwnerSlot());
        var subscription = new RouteSubscription<T>(s =>
        {
            lock (slot)
            {
                slot.Subscribers.Remove(s);
            }
        });
        lock (slot)
        {
            slot.Subscribers.Add(subscription);
            if (slot.Current is not null && slot.Current.Version > lastSeenVersion)
            {
                subscription.Offer(slot.Current);
            }
        }

        return subscription;
    }

    /// <summary>Same doors, times and states: the version fields alone do not make a new route.</summary>
    private static bool SameRoute(T current, T fresh)
    {
        var a = current.Clone();
        a.Version = 0;
        a.PlanVersion = 0;
        var b = fresh.Clone();
        b.Version = 0;
        b.PlanVersion = 0;
        return a.Equals(b);
    }

    private sealed class OwnerSlot
    {
        public T? Current { get; set; }

        public List<RouteSubscription<T>> Subscribers { get; } = [];
    }
}
