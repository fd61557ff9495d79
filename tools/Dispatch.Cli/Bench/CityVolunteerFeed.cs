using Dispatch.Contracts.V1;

namespace Dispatch.Cli.Bench;

/// <summary>
/// One volunteer's open streams in a city bench (possibly on several silos) and what each received: the route
/// versions and when they came, the latest route, and a change signal so a waiter awaits arrivals instead of polling.
/// </summary>
public sealed class CityVolunteerFeed(string volunteerId)
{
    private readonly object _gate = new();
    private readonly List<FollowedStream> _streams = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The district-scoped id (<c>district/VOL0001</c>).</summary>
    public string VolunteerId { get; } = volunteerId;

    public string DistrictId => VolunteerId[..VolunteerId.IndexOf('/', StringComparison.Ordinal)];

    /// <summary>The newest route any of the volunteer's streams received (null before the first).</summary>
    public Assignment? Latest { get; private set; }

    public FollowedStream Add(int silo)
    {
        var stream = new FollowedStream(silo);
        lock (_gate)
        {
            _streams.Add(stream);
        }

        return stream;
    }

    public void Received(FollowedStream stream, Assignment route, long ticks)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            stream.Arrivals.Add((route.Version, ticks));
            if (Latest is null || route.Version > Latest.Version)
            {
                Latest = route;
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    public void Ended(FollowedStream stream, string reason)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            stream.Failure ??= reason;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>Whether any of the volunteer's streams received a route of exactly this version.</summary>
    public bool AnyReceived(int version)
    {
        lock (_gate)
        {
            return _streams.Any(s => s.Arrivals.Any(a => a.Version == version));
        }
    }

    /// <summary>Waits until every stream still open has a route of this version or later; false when the timeout came first.</summary>
    public async Task<bool> WaitAllAtAsync(int version, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_streams.All(s => s.Failure is not null || s.Arrivals.Any(a => a.Version >= version)))
                {
                    return true;
                }

                changed = _changed.Task;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            try
            {
                await changed.WaitAsync(left, cancellationToken);
            }
            catch (TimeoutException)
            {
                return false;
            }
        }
    }

    /// <summary>For each stream that was open, when its first route of this version or later came (null: never).</summary>
    public IReadOnlyList<long?> ArrivalsOf(int version)
    {
        lock (_gate)
        {
            return _streams.Where(s => s.Failure is null).Select(s => s.Arrivals.Where(a => a.Version >= version).Select(a => (long?)a.Ticks).FirstOrDefault()).ToList();
        }
    }

    /// <summary>The streams that ended before the bench closed them: "silo N: reason".</summary>
    public IReadOnlyList<string> Failures()
    {
        lock (_gate)
        {
            return _streams.Where(s => s.Failure is not null).Select(s => $"silo {s.Silo}: {s.Failure}").ToList();
        }
    }

    /// <summary>One StreamAssignments call: the silo it is on and the routes it received (version, Stopwatch ticks).</summary>
    public sealed class FollowedStream(int silo)
    {
        public int Silo { get; } = silo;

        public List<(int Version, long Ticks)> Arrivals { get; } = [];

        /// <summary>Why it ended before the bench closed it (null while open).</summary>
        public string? Failure { get; set; }
    }
}
