using Dispatch.Contracts.V1;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

public sealed class VolunteersServiceTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();
    private readonly Volunteers.VolunteersClient _volunteers;

    public VolunteersServiceTests()
    {
        _volunteers = _server.CreateVolunteersClient();
    }

    public void Dispose() => _server.Dispose();

    private Task<PlanSummary> PushAndPlanAsync() => DayOne.PushAndPlanAsync(_server);

    private StreamRecorder<Assignment> Stream(string volunteerId, int lastSeen = 0) =>
        new(_volunteers.StreamAssignments(new StreamAssignmentsRequest { VolunteerId = volunteerId, LastSeenVersion = lastSeen }, deadline: Deadlines.Soon));

    private string CodeOf(string orderId) => _server.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderId);

    private static List<AssignmentStop> Stops(Assignment assignment) => assignment.Trips.SelectMany(t => t.Stops).ToList();

    /// <summary>
    /// The version of the volunteer's route the server offers now. A re-plan offers its routes before its call is
    /// answered, and a stream is sent a route only when this changes: after the call, it says what streams get.
    /// </summary>
    private int OfferedVersion(string volunteerId) => _server.Services.GetRequiredService<IRouteHub<Assignment>>().Current(volunteerId)!.Version;

    [Fact]
    public async Task Streaming_volunteer_first_gets_the_current_route_with_doors_bundles_and_version()
    {
        var plan = await PushAndPlanAsync();
        using var stream = Stream("V1");

        var route = await stream.NextAsync();

        Assert.Equal(plan.Version, route.Version);
        Assert.Equal(plan.Version, route.PlanVersion);
        Assert.Equal("G1", route.GateId);
        var stop = Assert.IsType<AssignmentStop>(Stops(route).First());
        Assert.Equal(StopState.Planned, stop.State);
        Assert.Contains(stop.Bundles, b => b.Kind == BundleKind.Vegetable && b.Quantity == 2);
        Assert.Contains("Contactless", stop.Instructions, StringComparison.Ordinal);
        Assert.StartsWith("building B1", stop.Address, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_given_up_failure_sends_a_new_version_to_that_volunteer_only()
    {
        await PushAndPlanAsync();
        using var v1 = Stream("V1");
        using var v2 = Stream("V2");
        using var v3 = Stream("V3");
        var first = await v1.NextAsync();
        var (second, third) = (await v2.NextAsync(), await v3.NextAsync());
        string failing = Stops(first)[0].DeliveryId;

        var result = await _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = failing, Failed = new Failed { Reason = FailureReason.Refused } }, deadline: Deadlines.Soon);

        var next = await v1.NextAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(result.PlanVersion, next.Version);
        Assert.True(next.Version > first.Version);
        Assert.Equal(StopState.Failed, Stops(next).Single(s => s.DeliveryId == failing).State);
        Assert.Equal(second.Version, OfferedVersion("V2"));
        Assert.Equal(third.Version, OfferedVersion("V3"));
    }

    [Fact]
    public async Task No_answer_is_tried_again_later_by_the_volunteer_free_first()
    {
        await PushAndPlanAsync();
        using var v1 = Stream("V1");
        var first = await v1.NextAsync();
        string failing = Stops(first)[0].DeliveryId;

        await _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = failing, Failed = new Failed { Reason = FailureReason.NoAnswer } }, deadline: Deadlines.Soon);

        var gate = await _server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);
        var retry = gate.DoorRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Single(d => d.DeliveryId == failing + "@retry");
        var failedStop = gate.DoorRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Single(d => d.DeliveryId == failing);
        Assert.True(retry.ArrivalSeconds >= failedStop.DropOffSeconds + 30 * 60);
    }

    [Fact]
    public async Task Reconnecting_with_an_old_version_gets_the_current_route_once()
    {
        await PushAndPlanAsync();
        using (var before = Stream("V1"))
        {
            var first = await before.NextAsync();
            await _volunteers.ReportStopAsync(
                new ReportStopRequest { VolunteerId = "V1", DeliveryId = Stops(first)[0].DeliveryId, Failed = new Failed { Reason = FailureReason.WrongAddress } }, deadline: Deadlines.Soon);
        }

        using var again = Stream("V1", lastSeen: 1);

        var current = await again.NextAsync();
        Assert.True(current.Version > 1);
        Assert.Equal(OfferedVersion("V1"), current.Version);
    }

    [Fact]
    public async Task Reconnecting_with_the_current_version_gets_nothing_until_the_next()
    {
        await PushAndPlanAsync();
        Assignment first;
        using (var before = Stream("V1"))
        {
            first = await before.NextAsync();
        }

        // Nothing newer is offered, so the stream sends nothing: the first thing it sends is the next version.
        using var again = Stream("V1", lastSeen: first.Version);
        Assert.Equal(first.Version, OfferedVersion("V1"));

        await _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = Stops(first)[0].DeliveryId, Failed = new Failed { Reason = FailureReason.GoodsDamaged } }, deadline: Deadlines.Soon);
        var next = await again.NextAsync(TimeSpan.FromSeconds(1));
        Assert.True(next.Version > first.Version);
    }

    [Fact]
    public async Task Reporting_the_same_delivery_twice_stores_it_once_and_a_different_report_is_refused()
    {
        await PushAndPlanAsync();
        using var v1 = Stream("V1");
        var stop = Stops(await v1.NextAsync())[0];
        var delivered = new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = CodeOf(stop.OrderId) } };

        var once = await _volunteers.ReportStopAsync(delivered, deadline: Deadlines.Soon);
        var twice = await _volunteers.ReportStopAsync(delivered, deadline: Deadlines.Soon);
        var conflicting = await Assert.ThrowsAsync<RpcException>(() => _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Failed = new Failed { Reason = FailureReason.NoAnswer } }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.False(once.Replayed);
        Assert.True(twice.Replayed);
        Assert.Equal(StopState.Delivered, twice.State);
        Assert.Equal(StatusCode.FailedPrecondition, conflicting.StatusCode);
        var order = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Single(order.History, h => h.Status == OrderStatus.Delivered);
    }

    [Fact]
    public async Task A_wrong_confirmation_code_is_invalid_and_stores_nothing()
    {
        await PushAndPlanAsync();
        using var v1 = Stream("V1");
        var stop = Stops(await v1.NextAsync())[0];
        string wrong = CodeOf(stop.OrderId) == "000000" ? "000001" : "000000";

        var e = await Assert.ThrowsAsync<RpcException>(() => _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = wrong } }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        var order = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        Assert.Equal(OrderStatus.Planned, order.Status);
    }

    [Fact]
    public async Task A_stop_on_another_volunteers_route_is_not_found()
    {
        await PushAndPlanAsync();
        using var v2 = Stream("V2");
        var stop = Stops(await v2.NextAsync())[0];

        var e = await Assert.ThrowsAsync<RpcException>(() => _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = CodeOf(stop.OrderId) } }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
    }

    [Fact]
    public async Task A_volunteer_dropping_out_hands_their_remaining_doors_to_the_others()
    {
        await PushAndPlanAsync();
        using var v1 = Stream("V1");
        using var v2 = Stream("V2");
        using var v3 = Stream("V3");
        var v1Doors = Stops(await v1.NextAsync()).Select(s => s.DeliveryId).ToList();
        var seen = new[] { await v2.NextAsync(), await v3.NextAsync() };

        await _volunteers.SetAvailabilityAsync(new SetAvailabilityRequest { VolunteerId = "V1", Available = false }, deadline: Deadlines.Soon);

        var v1Now = await v1.NextAsync(TimeSpan.FromSeconds(1));
        Assert.False(v1Now.Available);
        Assert.Empty(Stops(v1Now));
        var others = new List<string>();
        foreach (var (stream, before) in new[] { v2, v3 }.Zip(seen))
        {
            if (OfferedVersion(before.VolunteerId) != before.Version)
            {
                others.AddRange(Stops(await stream.NextAsync()).Select(s => s.DeliveryId));
            }
        }

        Assert.All(v1Doors, d => Assert.Contains(d, others));
    }

    [Fact]
    public async Task Stopping_the_server_ends_streams_with_unavailable_not_a_hang()
    {
        await PushAndPlanAsync();
        var v1 = Stream("V1");
        await v1.NextAsync();

        var stopping = Task.Run(_server.Dispose);
        var status = await v1.EndAsync(TimeSpan.FromSeconds(10));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(StatusCode.Unavailable, status.StatusCode);
    }

    [Fact]
    public async Task After_a_restart_the_latest_stored_plan_is_live_again_for_reconnecting_volunteers()
    {
        string folder = DispatchServerFactory.NewFolder();
        int version;
        using (var first = DispatchServerFactory.OnFolder(folder))
        {
            first.KeepFolder = true;
            version = (await DayOne.PushAndPlanAsync(first)).Version;
        }

        using var second = DispatchServerFactory.OnFolder(folder);
        using var v1 = new StreamRecorder<Assignment>(second.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));

        var route = await v1.NextAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(version, route.Version);
        Assert.NotEmpty(route.Trips);
    }

    [Fact]
    public async Task Supermarket_watching_its_orders_sees_a_delivery_as_it_happens()
    {
        await PushAndPlanAsync();
        using var watch = new StreamRecorder<OrderStatusEvent>(_server.CreateSupermarketsClient().WatchOrders(new WatchOrdersRequest { SupermarketId = "SM1" }, deadline: Deadlines.Soon));
        using var v1 = Stream("V1");
        var stop = Stops(await v1.NextAsync())[0];
        await watch.ConnectedAsync();

        await _volunteers.ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = CodeOf(stop.OrderId) } }, deadline: Deadlines.Soon);

        // The trip was not started: the report says it left the gate first (with the trip's other orders).
        var seen = new List<OrderStatus>();
        while (seen.Count < 2)
        {
            var next = await watch.NextAsync(TimeSpan.FromSeconds(2));
            if (next.OrderRef == stop.OrderId)
            {
                // Routes carry the engine-wide id; the supermarket sees its own id beside it.
                Assert.Equal(stop.OrderId, $"SM1/{next.OrderId}");
                seen.Add(next.Status);
            }
        }

        Assert.Equal([OrderStatus.OutForDelivery, OrderStatus.Delivered], seen);
    }
}
