using Dispatch.Contracts.V1;

namespace Dispatch.Server.Live;

/// <summary>The in-process <see cref="IAssignmentHub"/>: one slot per volunteer, guarded by its own lock.</summary>
public sealed class AssignmentHub : IAssignmentHub
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, VolunteerSlot> _slots = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Publish(IEnumerable<Assignment> routes, int planVersion)
    {
        var changed = new List<string>();
        foreach (var route in routes)
        {
            var slot = _slots.GetOrAdd(route.VolunteerId, _ => new VolunteerSlot());
            lock (slot)
            {
                if (slot.Current is not null && SameRoute(slot.Current, route))
                {
                    continue;
                }

                var fresh = route.Clone();
                fresh.Version = planVersion;
                fresh.PlanVersion = planVersion;
                slot.Current = fresh;
                foreach (var subscriber in slot.Subscribers)
                {
                    subscriber.Offer(fresh);
                }

                changed.Add(route.VolunteerId);
            }
        }

        return changed;
    }

    public Assignment? Current(string volunteerId)
    {
        if (!_slots.TryGetValue(volunteerId, out var slot))
        {
            return null;
        }

        lock (slot)
        {
            return slot.Current;
        }
    }

    public AssignmentSubscription Subscribe(string volunteerId, int lastSeenVersion)
    {
        var slot = _slots.GetOrAdd(volunteerId, _ => new VolunteerSlot());
        var subscription = new AssignmentSubscription(s =>
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
    private static bool SameRoute(Assignment current, Assignment fresh)
    {
        var a = current.Clone();
        a.Version = 0;
        a.PlanVersion = 0;
        var b = fresh.Clone();
        b.Version = 0;
        b.PlanVersion = 0;
        return a.Equals(b);
    }

    private sealed class VolunteerSlot
    {
        public Assignment? Current { get; set; }

        public List<AssignmentSubscription> Subscribers { get; } = [];
    }
}
