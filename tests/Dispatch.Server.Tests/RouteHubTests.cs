using Dispatch.Contracts.V1;
using Dispatch.Server.Live;

namespace Dispatch.Server.Tests;

public sealed class RouteHubTests
{
    private static Assignment Route(string volunteerId, int leaveSeconds)
    {
        var route = new Assignment { VolunteerId = volunteerId, GateId = "G1", Available = true };
        route.Trips.Add(new AssignmentTrip { Number = 1, LeaveGateSeconds = leaveSeconds });
        return route;
    }

    [Fact]
    public void Subscriber_that_does_not_read_gets_only_the_latest_version_and_publishing_never_waits()
    {
        var hub = new RouteHub<Assignment>();
        using var slow = hub.Subscribe("V1", lastSeenVersion: 0);

        for (int version = 1; version <= 1_000; version++)
        {
            hub.Publish([Route("V1", version)], version);
        }

        Assert.True(slow.Reader.TryRead(out var only));
        Assert.Equal(1_000, only!.Version);
        Assert.False(slow.Reader.TryRead(out _));
    }

    [Fact]
    public void Republishing_an_unchanged_route_sends_nothing_and_keeps_its_version()
    {
        var hub = new RouteHub<Assignment>();
        hub.Publish([Route("V1", 100), Route("V2", 200)], 1);
        using var v1 = hub.Subscribe("V1", lastSeenVersion: 1);

        var changed = hub.Publish([Route("V1", 100), Route("V2", 250)], 2);

        Assert.Equal(["V2"], changed);
        Assert.False(v1.Reader.TryRead(out _));
        Assert.Equal(1, hub.Current("V1")!.Version);
        Assert.Equal(2, hub.Current("V2")!.Version);
    }

    [Fact]
    public void Subscribing_with_an_older_version_gets_the_current_route_once()
    {
        var hub = new RouteHub<Assignment>();
        hub.Publish([Route("V1", 100)], 3);

        using var stale = hub.Subscribe("V1", lastSeenVersion: 2);
        using var current = hub.Subscribe("V1", lastSeenVersion: 3);

        Assert.True(stale.Reader.TryRead(out var route));
        Assert.Equal(3, route!.Version);
        Assert.False(stale.Reader.TryRead(out _));
        Assert.False(current.Reader.TryRead(out _));
    }
}
