using System.Diagnostics;
using Dispatch.Contracts.V1;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// Many volunteers' StreamAssignments calls open on the city's silos: stream i follows volunteer i mod V and goes to a
/// silo in turn, shifted by one each time round the volunteers, so the several streams of one volunteer sit on
/// different silos (each silo's copy of the district's routes is then checked against the others). Open once every
/// stream has its first route or has ended; held until disposed.
/// </summary>
public sealed class CityStreams : IAsyncDisposable
{
    private readonly Dictionary<string, CityVolunteerFeed> _feeds = new(StringComparer.Ordinal);
    private readonly List<Task> _readers = [];
    private readonly List<double> _firstRouteMs = [];
    private readonly int[] _perSilo;
    private readonly CancellationTokenSource _stop;
    private readonly TaskCompletionSource _allSettled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _count;
    private int _settled;
    private int _gotRoute;

    private CityStreams(int count, int silos, CancellationToken cancellationToken)
    {
        _count = count;
        _perSilo = new int[silos];
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    public int Count => _count;

    public int GotRoute => Volatile.Read(ref _gotRoute);

    public IReadOnlyCollection<CityVolunteerFeed> Feeds => _feeds.Values;

    /// <summary>Streams on each silo (index 0 is silo 1).</summary>
    public IReadOnlyList<int> PerSilo => _perSilo;

    public static CityStreams Open(IReadOnlyList<string> volunteerIds, int count, IReadOnlyList<CallInvoker> silos, CancellationToken cancellationToken)
    {
        var streams = new CityStreams(count, silos.Count, cancellationToken);
        for (int i = 0; i < count; i++)
        {
            string volunteerId = volunteerIds[i % volunteerIds.Count];
            int silo = (i + (i / volunteerIds.Count)) % silos.Count;
            if (!streams._feeds.TryGetValue(volunteerId, out var feed))
            {
                feed = new CityVolunteerFeed(volunteerId);
                streams._feeds.Add(volunteerId, feed);
            }

            streams._perSilo[silo]++;
            var stream = feed.Add(silo + 1);
            var invoker = silos[silo];
            streams._readers.Add(Task.Run(() => streams.ReadAsync(feed, stream, invoker), CancellationToken.None));
        }

        return streams;
    }

    /// <summary>
    /// Waits until every stream got its first route or ended, saying every <paramref name="progressEvery"/> how many
    /// have; false when the timeout came first.
    /// </summary>
    public async Task<bool> WaitOpenAsync(TimeSpan timeout, TimeSpan progressEvery, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!_allSettled.Task.IsCompleted)
        {
            var left = timeout - clock.Elapsed;
            if (left <= TimeSpan.Zero)
            {
                return false;
            }

            // A progress line each interval: the wait itself ends on the streams' own signal.
            var interval = Task.Delay(left < progressEvery ? left : progressEvery, cancellationToken);
            if (await Task.WhenAny(_allSettled.Task, interval) == interval)
            {
                await interval;
                CityBenchProgress.Line($"  {GotRoute:N0} of {_count:N0} streams have their route after {clock.Elapsed.TotalSeconds:F0} s");
            }
        }

        return true;
    }

    /// <summary>Open -> first route of every stream that got one, in milliseconds, ascending.</summary>
    public IReadOnlyList<double> FirstRouteMs()
    {
        lock (_firstRouteMs)
        {
            return _firstRouteMs.Order().ToList();
        }
    }

    /// <summary>Every stream that ended before the bench closed it: whose, on which silo, and why.</summary>
    public IReadOnlyList<string> Failures() =>
        _feeds.Values.SelectMany(f => f.Failures().Select(failure => $"{f.VolunteerId} on {failure}")).ToList();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_readers).WaitAsync(TimeSpan.FromSeconds(60), CancellationToken.None);
        _stop.Dispose();
    }

    private async Task ReadAsync(CityVolunteerFeed feed, CityVolunteerFeed.FollowedStream stream, CallInvoker invoker)
    {
        long opened = Stopwatch.GetTimestamp();
        bool first = true;
        try
        {
            using var call = new Volunteers.VolunteersClient(invoker).StreamAssignments(new StreamAssignmentsRequest { VolunteerId = feed.VolunteerId }, cancellationToken: _stop.Token);
            await foreach (var route in call.ResponseStream.ReadAllAsync(_stop.Token))
            {
                long now = Stopwatch.GetTimestamp();
                feed.Received(stream, route, now);
                if (first)
                {
                    first = false;
                    lock (_firstRouteMs)
                    {
                        _firstRouteMs.Add(Stopwatch.GetElapsedTime(opened, now).TotalMilliseconds);
                    }

                    Interlocked.Increment(ref _gotRoute);
                    Settled();
                }
            }

            feed.Ended(stream, "the server ended the stream");
        }
        catch (Exception e) when (_stop.IsCancellationRequested && e is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled })
        {
            // Closed by the bench.
        }
        catch (RpcException e)
        {
            feed.Ended(stream, $"{e.StatusCode} {e.Status.Detail}");
        }

        if (first)
        {
            Settled();
        }
    }

    private void Settled()
    {
        if (Interlocked.Increment(ref _settled) == _count)
        {
            _allSettled.TrySetResult();
        }
    }
}
