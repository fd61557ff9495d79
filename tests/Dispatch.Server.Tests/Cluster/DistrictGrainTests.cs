using Dispatch.Contracts.V1;
using Dispatch.Server.Cluster;
using Dispatch.Server.Tests.Infrastructure;
using Google.Protobuf;
using Google.Rpc;
using Orleans;
using Orleans.Core.Internal;

namespace Dispatch.Server.Tests.Cluster;

/// <summary>The district grain on an in-process cluster: intake, planning, routes to followers, re-activation from storage.</summary>
public sealed class DistrictGrainTests(CityClusterFixture fixture) : IClassFixture<CityClusterFixture>
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(60);

    private IDistrictGrain District(string id) => fixture.Cluster.Client.GetGrain<IDistrictGrain>(id);

    private static BatchResult Submitted(GrainAnswer answer) => DistrictCall.Read(answer, BatchResult.Parser);

    [Fact]
    public async Task A_batch_is_stored_by_its_district_and_a_repeat_gets_the_first_answer()
    {
        var batch = Batches.Valid("G-1", "SM3", "L2-A", 3, orderPrefix: "grain-repeat");

        var first = Submitted(await District(TinyCity.South).SubmitBatch(batch.ToByteArray()));
        var again = Submitted(await District(TinyCity.South).SubmitBatch(batch.ToByteArray()));

        Assert.Equal(3, first.AcceptedCount);
        Assert.False(first.Replayed);
        Assert.True(again.Replayed);
        Assert.Equal(3, again.AcceptedCount);
    }

    [Fact]
    public async Task A_batch_for_a_grid_the_district_does_not_have_is_refused_with_field_violations()
    {
        // L1-A is north's grid: south's own intake checks refuse it (the endpoint routes by grid and never sends it here).
        var batch = Batches.Valid("G-2", "SM3", "L1-A", 2);

        var answer = await District(TinyCity.South).SubmitBatch(batch.ToByteArray());

        Assert.Null(answer.Message);
        var refusal = Google.Rpc.Status.Parser.ParseFrom(answer.Refusal);
        Assert.Equal((int)Code.InvalidArgument, refusal.Code);
        Assert.NotEmpty(refusal.GetDetail<BadRequest>()!.FieldViolations);
    }

    [Fact]
    public async Task A_plan_streams_to_followers_a_change_reaches_them_and_the_district_comes_back_from_storage_with_its_versions()
    {
        var north = District(TinyCity.North);
        Assert.Equal(5, Submitted(await north.SubmitBatch(Batches.Valid("N-A", "SM1", "L1-A", 5).ToByteArray())).AcceptedCount);

        var plan = DistrictCall.Read(await north.PlanDay(new PlanDistrictDayRequest { DistrictId = TinyCity.North, Day = 1, ProbeBottleneck = false }.ToByteArray()), PlanSummary.Parser);
        Assert.Equal(1, plan.Version);
        Assert.Equal(5, plan.Kpis.HouseholdsServed);

        var follower = new RecordingFollower();
        var reference = fixture.Cluster.Client.CreateObjectReference<IDistrictRouteObserver>(follower);
        var routes = await north.Follow(reference);
        var before = routes.Assignments.Select(Assignment.Parser.ParseFrom).ToDictionary(a => a.VolunteerId);
        Assert.Contains(before.Values, a => a.Trips.Count > 0);
        var busy = before.Values.First(a => a.Trips.Count > 0);

        // A drop-out re-plans the gate: the new routes reach the follower (one-way, from the grain's silo).
        var changed = follower.Next(busy.VolunteerId);
        var availability = DistrictCall.Read(
            await north.SetAvailability(new SetAvailabilityRequest { VolunteerId = busy.VolunteerId, Available = false }.ToByteArray()),
            SetAvailabilityResult.Parser);
        var relayed = await changed.WaitAsync(s_wait);
        Assert.Equal(availability.PlanVersion, relayed.Version);
        Assert.False(relayed.Available);

        // Deactivated (as when its silo is lost), the district activates again from storage: same plan, same routes and versions.
        var current = (await north.Follow(reference)).Assignments.Select(Assignment.Parser.ParseFrom).ToDictionary(a => a.VolunteerId);
        await north.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var back = await north.Follow(reference);
        Assert.NotEqual(routes.ActivationId, back.ActivationId);
        var after = back.Assignments.Select(Assignment.Parser.ParseFrom).ToDictionary(a => a.VolunteerId);
        Assert.Equal(relayed.Version, after[busy.VolunteerId].Version);
        Assert.False(after[busy.VolunteerId].Available);
        Assert.Equal(current.Keys.Order(), after.Keys.Order());
        // A restored district offers every route at the restored plan's version (as a restarted server does): a client
        // resuming from an older version gets its route again, never misses one.
        Assert.All(current.Values, route =>
        {
            Assert.InRange(after[route.VolunteerId].Version, route.Version, availability.PlanVersion);
            Assert.Equal(WithoutVersions(route), WithoutVersions(after[route.VolunteerId]));
        });
        var stored = DistrictCall.Read(await north.GetPlan(new GetPlanRequest { DistrictId = TinyCity.North, Day = 1 }.ToByteArray()), PlanSummary.Parser);
        Assert.Equal(availability.PlanVersion, stored.Version);
        fixture.Cluster.Client.DeleteObjectReference<IDistrictRouteObserver>(reference);
    }

    [Fact]
    public async Task A_planned_district_gives_followers_its_trucks_routes_and_takes_departures_and_trip_starts()
    {
        var south = District(TinyCity.South);
        Assert.Equal(4, Submitted(await south.SubmitBatch(Batches.Valid("S-A", "SM3", "L2-A", 4, orderPrefix: "trucks").ToByteArray())).AcceptedCount);
        DistrictCall.Read(await south.PlanDay(new PlanDistrictDayRequest { DistrictId = TinyCity.South, Day = 1, ProbeBottleneck = false }.ToByteArray()), PlanSummary.Parser);

        var follower = fixture.Cluster.Client.CreateObjectReference<IDistrictRouteObserver>(new RecordingFollower());
        var routes = await south.Follow(follower);
        var trucks = routes.TruckAssignments.Select(TruckAssignment.Parser.ParseFrom).ToList();
        var walker = routes.Assignments.Select(Assignment.Parser.ParseFrom).First(a => a.Trips.Count > 0);
        fixture.Cluster.Client.DeleteObjectReference<IDistrictRouteObserver>(follower);
        var t1 = Assert.Single(trucks);
        Assert.Equal("T1", t1.TruckId);
        Assert.NotEmpty(t1.Trips);

        var departed = DistrictCall.Read(
            await south.ReportDeparture(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = t1.Trips[0].DepartSeconds }.ToByteArray()),
            ReportDepartureResult.Parser);
        Assert.Equal(4, departed.OrdersOnTruck);
        var refused = await south.ReportDeparture(new ReportDepartureRequest { TruckId = "T1", TripNumber = 0 }.ToByteArray());
        Assert.Equal((int)Code.InvalidArgument, Google.Rpc.Status.Parser.ParseFrom(refused.Refusal).Code);

        var started = DistrictCall.Read(await south.StartTrip(new StartTripRequest { VolunteerId = walker.VolunteerId, TripNumber = 1 }.ToByteArray()), StartTripResult.Parser);
        Assert.Equal(walker.Trips[0].Stops.Select(s => s.OrderId).Distinct().Order(), started.Orders.Order());
        var noTrip = await south.StartTrip(new StartTripRequest { VolunteerId = walker.VolunteerId, TripNumber = 0 }.ToByteArray());
        Assert.Equal((int)Code.InvalidArgument, Google.Rpc.Status.Parser.ParseFrom(noTrip.Refusal).Code);
    }

    [Fact]
    public async Task A_plan_asked_for_a_day_never_planned_is_not_found()
    {
        var answer = await District(TinyCity.South).GetPlan(new GetPlanRequest { DistrictId = TinyCity.South, Day = 9 }.ToByteArray());

        Assert.Equal((int)Code.NotFound, Google.Rpc.Status.Parser.ParseFrom(answer.Refusal).Code);
    }

    private static Assignment WithoutVersions(Assignment route)
    {
        var copy = route.Clone();
        copy.Version = 0;
        copy.PlanVersion = 0;
        return copy;
    }

    private sealed class RecordingFollower : IDistrictRouteObserver
    {
        public Task TruckRoutesChanged(string districtId, byte[][] truckAssignments) => Task.CompletedTask;

        private readonly object _gate = new();
        private readonly List<(string VolunteerId, TaskCompletionSource<Assignment> Seen)> _waiting = [];

        public Task<Assignment> Next(string volunteerId)
        {
            var seen = new TaskCompletionSource<Assignment>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_gate)
            {
                _waiting.Add((volunteerId, seen));
            }

            return seen.Task;
        }

        public Task RoutesChanged(string districtId, byte[][] assignments)
        {
            foreach (var route in assignments.Select(Assignment.Parser.ParseFrom))
            {
                lock (_gate)
                {
                    foreach (var (_, seen) in _waiting.Where(w => w.VolunteerId == route.VolunteerId))
                    {
                        seen.TrySetResult(route);
                    }
                }
            }

            return Task.CompletedTask;
        }
    }
}
