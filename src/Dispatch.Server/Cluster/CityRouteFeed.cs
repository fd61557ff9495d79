using System.Collections.Concurrent;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Geography;
using Dispatch.Server.Live;
using Google.Protobuf;

namespace Dispatch.Server.Cluster;

/// <summary>
/// This silo's copy of the routes of the districts its clients follow, keyed by district-scoped volunteer or truck id
/// (<c>district/V001</c>, <c>district/T01</c>): the volunteers' streams read it exactly as a single-district server's streams read its hub.
/// A district is followed from the first stream that needs it: its grain sends each change here, and the follow is
/// renewed every <see cref="CityClusterOptions.FollowRenewSeconds"/>; a renewal answers the district's current routes, so
/// after a silo loss the district re-activates on a live silo and its routes come back with their versions.
/// </summary>
public sealed partial class CityRouteFeed(IGrainFactory grains, CityClusterOptions options, TimeProvider clock, IHostApplicationLifetime lifetime, ILogger<CityRouteFeed> logger)
    : IDistrictRouteObserver, IDisposable
{
    private readonly RouteHub<Assignment> _hub = new();
    private readonly RouteHub<TruckAssignment> _trucks = new();
    private readonly ConcurrentDictionary<string, Lazy<TaskCompletionSource>> _following = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
    private object? _referenceLock;
    private IDistrictRouteObserver? _reference;
    private bool _referenceMade;

    public IRouteHub<Assignment> Hub => _hub;

    /// <summary>The followed districts' trucks' routes, keyed by district-scoped truck id (<c>district/T01</c>).</summary>
    public IRouteHub<TruckAssignment> Trucks => _trucks;

    /// <summary>Starts following the district unless this silo already does; returns once its current routes are here (or the first try failed).</summary>
    public async Task FollowAsync(DistrictId district)
    {
        var first = _following.GetOrAdd(district.ToString(), key => new Lazy<TaskCompletionSource>(() =>
        {
            var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _ = FollowLoopAsync(district, ready);
            return ready;
        })).Value;
        try
        {
            await first.Task.WaitAsync(TimeSpan.FromSeconds(options.FollowRenewSeconds * 2), clock);
        }
        catch (TimeoutException)
        {
            // The stream still opens: routes arrive when the district answers.
        }
    }

    public Task RoutesChanged(string districtId, byte[][] assignments)
    {
        Adopt(districtId, assignments);
        return Task.CompletedTask;
    }

    public Task TruckRoutesChanged(string districtId, byte[][] truckAssignments)
    {
        AdoptTrucks(districtId, truckAssignments);
        return Task.CompletedTask;
    }

    private async Task FollowLoopAsync(DistrictId district, TaskCompletionSource first)
    {
        await Task.Yield();
        // One reference for every district this silo follows; loops of several districts start at once.
        var reference = LazyInitializer.EnsureInitialized(ref _reference, ref _referenceMade, ref _referenceLock, () => grains.CreateObjectReference<IDistrictRouteObserver>(this))!;
        var grain = grains.GetGrain<IDistrictGrain>(district.ToString());
        string? activation = null;
        using var renew = new PeriodicTimer(TimeSpan.FromSeconds(options.FollowRenewSeconds), clock);
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var routes = await grain.Follow(reference);
                if (activation is not null && activation != routes.ActivationId)
                {
                    Reactivated(logger, district.ToString());
                }

                activation = routes.ActivationId;
                Adopt(district.ToString(), routes.Assignments);
                AdoptTrucks(district.ToString(), routes.TruckAssignments);
                first.TrySetResult();
                await renew.WaitForNextTickAsync(_stopping.Token);
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // The district's silo is gone or the district is starting elsewhere: try again soon.
                first.TrySetResult();
                FollowFailed(logger, district.ToString(), e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(1), clock, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    private void Adopt(string districtId, byte[][] assignments) =>
        _hub.Adopt(Scoped(districtId, assignments, Assignment.Parser, (route, id) => route.VolunteerId = id(route.VolunteerId)));

    private void AdoptTrucks(string districtId, byte[][] truckAssignments) =>
        _trucks.Adopt(Scoped(districtId, truckAssignments, TruckAssignment.Parser, (route, id) => route.TruckId = id(route.TruckId)));

    /// <summary>A district's routes as sent by its grain, their owners renamed <c>district/local</c>.</summary>
    private static List<TRoute> Scoped<TRoute>(string districtId, byte[][] routes, MessageParser<TRoute> parser, Action<TRoute, Func<string, string>> rename)
        where TRoute : IMessage<TRoute>
    {
        var district = new DistrictId(districtId);
        return routes.Select(bytes =>
        {
            var route = parser.ParseFrom(bytes);
            rename(route, local => new DistrictScopedId(district, local).ToString());
            return route;
        }).ToList();
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
        if (_reference is not null)
        {
            grains.DeleteObjectReference<IDistrictRouteObserver>(_reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "following district {DistrictId} failed ({Reason}); retrying")]
    private static partial void FollowFailed(ILogger logger, string districtId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "district {DistrictId} re-activated; its routes were read again")]
    private static partial void Reactivated(ILogger logger, string districtId);
}
