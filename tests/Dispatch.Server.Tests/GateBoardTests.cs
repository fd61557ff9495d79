using Dispatch.Contracts.V1;
using Dispatch.Planning.Doors;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dispatch.Server.Tests;

/// <summary>The gate board stream: the gate's plan with capacities and live state, again on every change.</summary>
public sealed class GateBoardTests
{
    private static StreamRecorder<GateBoard> Watch(DispatchServerFactory server, string gateId, string key = TestKeys.Planner) =>
        new(server.CreatePlanningClient(key).WatchGateBoard(new WatchGateBoardRequest { DistrictId = "D1", Day = 1, GateId = gateId }, deadline: Deadlines.Soon));

    [Fact]
    public async Task The_board_shows_the_gate_plan_and_comes_again_with_each_new_version_and_each_report()
    {
        using var server = new DispatchServerFactory();
        var plan = await DayOne.PushAndPlanAsync(server);
        var gatePlan = await server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);
        using var board = Watch(server, "G1");

        var first = await board.NextAsync();
        Assert.Equal(plan.Version, first.Plan.Version);
        Assert.Equal(gatePlan.Cycles, first.Plan.Cycles);
        Assert.Equal(gatePlan.Cycles.Count, first.Storage.Count);
        Assert.True(first.Live);
        Assert.True(first.StorageCapacityGrams > 0 && first.CrowdCap > 0);
        Assert.Equal(["V1", "V2", "V3"], first.Volunteers.Select(v => v.VolunteerId));
        Assert.Equal(gatePlan.DoorRoutes.Sum(r => r.Trips.Count), first.Volunteers.Sum(v => v.Trips.Count));
        Assert.All(first.Volunteers.SelectMany(v => v.Trips), t => Assert.False(t.Started));

        // A trip leaving the gate is on the next board (its orders change status).
        var route = gatePlan.DoorRoutes[0];
        await server.CreateVolunteersClient().StartTripAsync(new StartTripRequest { VolunteerId = route.VolunteerId, TripNumber = 1 }, deadline: Deadlines.Soon);
        var started = await board.NextMatchingAsync(b => b.Volunteers.Single(v => v.VolunteerId == route.VolunteerId).Trips[0].Started);
        Assert.Equal(plan.Version, started.Plan.Version);

        // A drop-out re-plans the gate: a new version.
        var dropped = await server.CreateVolunteersClient().SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = route.VolunteerId, Available = false }, deadline: Deadlines.Soon);
        var replanned = await board.NextMatchingAsync(b => b.Plan.Version == dropped.PlanVersion);
        Assert.False(replanned.Volunteers.Single(v => v.VolunteerId == route.VolunteerId).Available);
    }

    [Fact]
    public async Task A_trip_not_started_past_its_leaving_time_is_late_on_the_next_minute_of_plan_time()
    {
        // 00:30 in the district: the tiny district's first trips leave after that.
        using var server = new DispatchServerFactory { Clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 16, 30, 0, TimeSpan.Zero)) };
        await DayOne.PushAndPlanAsync(server);
        var gatePlan = await server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);
        var trip = gatePlan.DoorRoutes.SelectMany(r => r.Trips.Select(t => (r.VolunteerId, t))).MinBy(p => p.t.LeaveGateSeconds);
        using var board = Watch(server, "G1");
        var first = await board.NextAsync();
        Assert.DoesNotContain(first.Late, l => l.Kind == LateKind.TripNotStarted && l.Subject == new VolunteerTripRef(trip.VolunteerId, trip.t.Number).ToString());

        // Ten minutes past the trip's leaving time: no report, no new version, only the clock.
        int now = server.Services.GetRequiredService<PlanClock>().SecondsInto(1);
        server.Clock.Advance(TimeSpan.FromSeconds(Math.Max(0, trip.t.LeaveGateSeconds - now) + 600));

        var late = await board.NextMatchingAsync(b => b.Late.Any(l => l.Kind == LateKind.TripNotStarted && l.Subject == new VolunteerTripRef(trip.VolunteerId, trip.t.Number).ToString()));
        var item = late.Late.First(l => l.Subject == new VolunteerTripRef(trip.VolunteerId, trip.t.Number).ToString());
        Assert.Equal(trip.t.LeaveGateSeconds, item.DueSeconds);
        Assert.True(item.LateBySeconds >= 600, $"late by {item.LateBySeconds} s");
    }

    [Fact]
    public async Task An_unknown_gate_is_not_found_and_a_volunteer_key_may_not_watch()
    {
        using var server = new DispatchServerFactory();
        await DayOne.PushAndPlanAsync(server);

        using var unknown = Watch(server, "G-nowhere");
        using var volunteer = Watch(server, "G1", TestKeys.Volunteer);

        Assert.Equal(StatusCode.NotFound, (await RefusalAsync(unknown)).StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, (await RefusalAsync(volunteer)).StatusCode);
    }

    [Fact]
    public async Task The_gate_list_names_the_day_being_delivered()
    {
        using var server = new DispatchServerFactory();
        Assert.Equal(0, (await server.CreatePlanningClient(TestKeys.Planner).ListGatesAsync(new ListGatesRequest(), deadline: Deadlines.Soon)).Day);
        await DayOne.PushAndPlanAsync(server);

        var gates = await server.CreatePlanningClient(TestKeys.Planner).ListGatesAsync(new ListGatesRequest(), deadline: Deadlines.Soon);

        Assert.Equal(("D1", 1), (gates.DistrictId, gates.Day));
        Assert.Contains(gates.Gates, g => g.GateId == "G1");
    }

    private static async Task<RpcException> RefusalAsync(StreamRecorder<GateBoard> board)
    {
        var closed = await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => board.NextAsync());
        return Assert.IsType<RpcException>(closed.InnerException);
    }
}
