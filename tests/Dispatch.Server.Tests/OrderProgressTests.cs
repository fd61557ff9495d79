using Dispatch.Contracts.V1;
using Dispatch.Planning.Live;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>
/// An order's whole way as supermarkets watch it: on the truck, disinfecting, released by the plan clock, out for
/// delivery, delivered or picked up; each status once, in order, driven by drivers' and volunteers' reports.
/// </summary>
public sealed class OrderProgressTests : IDisposable
{
    private static readonly DateTimeOffset s_districtMidnightUtc = new(2026, 11, 22, 16, 0, 0, TimeSpan.Zero);
    // Midnight in the district: every good of the tiny district's day is still ahead.
    private readonly DispatchServerFactory _server = new() { Clock = new(s_districtMidnightUtc) };
    private readonly Trucks.TrucksClient _trucks;
    private readonly Volunteers.VolunteersClient _volunteers;

    public OrderProgressTests()
    {
        _trucks = _server.CreateTrucksClient();
        _volunteers = _server.CreateVolunteersClient();
    }

    public void Dispose() => _server.Dispose();

    private string CodeOf(string orderId) => _server.Services.GetRequiredService<ConfirmationCodes>().CodeFor(orderId);

    /// <summary>The server's plan clock at <paramref name="secondsOfDay"/> in the district (UTC+8) on the factory's day.</summary>
    private void SetPlanClock(int secondsOfDay) => _server.Clock.SetUtcNow(s_districtMidnightUtc.AddSeconds(secondsOfDay));

    private async Task<StreamRecorder<OrderStatusEvent>> WatchAsync(string supermarketId)
    {
        var watch = new StreamRecorder<OrderStatusEvent>(_server.CreateSupermarketsClient().WatchOrders(new WatchOrdersRequest { SupermarketId = supermarketId }, deadline: Deadlines.Soon));

        // The server answers with headers once the watch is registered.
        await watch.ConnectedAsync();
        return watch;
    }

    private async Task<TruckAssignment> TruckTripsAsync()
    {
        using var t1 = new StreamRecorder<TruckAssignment>(_trucks.StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon));
        return await t1.NextAsync();
    }

    private async Task<GatePlan> GatePlanAsync() =>
        await _server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);

    /// <summary>The events of one order, up to and including <paramref name="until"/>; events of other orders are skipped.</summary>
    private static async Task<List<OrderStatus>> StatusesOfAsync(StreamRecorder<OrderStatusEvent> watch, string orderId, OrderStatus until)
    {
        var seen = new List<OrderStatus>();
        while (seen.LastOrDefault() != until)
        {
            var e = await watch.NextAsync(TimeSpan.FromSeconds(5));
            if (e.OrderRef == orderId)
            {
                seen.Add(e.Status);
            }
        }

        return seen;
    }

    /// <summary>Moves the plan clock and waits until the server has checked for goods to release at the new time.</summary>
    private async Task SetPlanClockAndCheckAsync(int secondsOfDay)
    {
        SetPlanClock(secondsOfDay);
        using var work = _server.WatchLiveWork();
        await work.ReleaseCheckedAfterAsync();
    }

    private async Task<Order> OrderAsync(string orderId) =>
        await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = orderId }, deadline: Deadlines.Soon);

    /// <summary>Every truck trip leaves and arrives on time at every stop.</summary>
    private async Task DriveTrucksAsync(TruckAssignment trips)
    {
        foreach (var trip in trips.Trips)
        {
            await _trucks.ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = trip.Number, DepartedAtSeconds = trip.DepartSeconds }, deadline: Deadlines.Soon);
            foreach (var stop in trip.Stops)
            {
                await _trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = stop.GateId, LoadId = stop.LoadId, ArrivedAtSeconds = stop.ArrivalSeconds }, deadline: Deadlines.Soon);
            }
        }
    }

    private static (string VolunteerId, DoorTrip Trip, string OrderId) FirstDoorOf(GatePlan gate, string orderPrefix) =>
        gate.DoorRoutes.SelectMany(r => r.Trips.SelectMany(t => t.Doors.Select(d => (r.VolunteerId, Trip: t, OrderId: DeliveryIds.OrderIdOf(d.DeliveryId)))))
            .First(x => x.OrderId.Contains(orderPrefix, StringComparison.Ordinal));

    [Fact]
    public async Task A_door_order_goes_on_truck_disinfecting_released_out_for_delivery_delivered_each_once_in_order()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var watch = await WatchAsync("SM1");
        var trips = await TruckTripsAsync();
        var gate = await GatePlanAsync();
        var (volunteerId, doorTrip, orderId) = FirstDoorOf(gate, "O-L1-A-");
        int readyAt = gate.Orders.Single(o => o.OrderId == orderId).ReadyAtSeconds;
        Assert.True(readyAt > 60, $"the test needs goods ready after midnight, were at {readyAt} s");

        await DriveTrucksAsync(trips);
        Assert.Equal([OrderStatus.OnTruck, OrderStatus.Disinfecting], await StatusesOfAsync(watch, orderId, OrderStatus.Disinfecting));

        // Resting goods stay in the storage zone until the plan clock reaches their ready time (and the next status
        // this order's watch sees is the release).
        await SetPlanClockAndCheckAsync(readyAt - 60);
        Assert.Equal(OrderStatus.Disinfecting, (await OrderAsync(orderId)).Status);

        SetPlanClock(readyAt);
        Assert.Equal([OrderStatus.Released], await StatusesOfAsync(watch, orderId, OrderStatus.Released));

        var started = await _volunteers.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = doorTrip.Number }, deadline: Deadlines.Soon);
        Assert.Contains(orderId, started.Orders);
        Assert.Equal([OrderStatus.OutForDelivery], await StatusesOfAsync(watch, orderId, OrderStatus.OutForDelivery));

        string deliveryId = doorTrip.Doors.First(d => DeliveryIds.OrderIdOf(d.DeliveryId) == orderId).DeliveryId;
        await _volunteers.ReportStopAsync(new ReportStopRequest { VolunteerId = volunteerId, DeliveryId = deliveryId, Delivered = new Delivered { ConfirmationCode = CodeOf(orderId) } }, deadline: Deadlines.Soon);
        Assert.Equal([OrderStatus.Delivered], await StatusesOfAsync(watch, orderId, OrderStatus.Delivered));

        // Nothing more for this order once it is delivered (every status its watch sees is in its history first).
        await SetPlanClockAndCheckAsync(readyAt + 3_600);
        var order = await OrderAsync(orderId);
        Assert.Equal(OrderStatus.Delivered, order.Status);
        Assert.Equal(
            [OrderStatus.Received, OrderStatus.Planned, OrderStatus.OnTruck, OrderStatus.Disinfecting, OrderStatus.Released, OrderStatus.OutForDelivery, OrderStatus.Delivered],
            order.History.Select(h => h.Status));
    }

    [Fact]
    public async Task Goods_are_not_released_before_they_arrive_even_when_their_ready_time_has_passed()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var watch = await WatchAsync("SM1");
        var gate = await GatePlanAsync();
        var (_, _, orderId) = FirstDoorOf(gate, "O-L1-A-");

        await SetPlanClockAndCheckAsync(gate.Orders.Max(o => o.ReadyAtSeconds) + 60);

        var order = await OrderAsync(orderId);
        Assert.Equal(OrderStatus.Planned, order.Status);
        Assert.DoesNotContain(order.History, h => h.Status == OrderStatus.Released);
    }

    [Fact]
    public async Task A_late_truck_moves_the_release_to_the_re_planned_ready_time()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var watch = await WatchAsync("SM1");
        var trips = await TruckTripsAsync();
        var gate = await GatePlanAsync();
        var (_, _, orderId) = FirstDoorOf(gate, "O-L1-A-");
        int plannedReadyAt = gate.Orders.Single(o => o.OrderId == orderId).ReadyAtSeconds;

        foreach (var s in trips.Trips.SelectMany(t => t.Stops))
        {
            await _trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = s.GateId, LoadId = s.LoadId, ArrivedAtSeconds = s.ArrivalSeconds + 3_600 }, deadline: Deadlines.Soon);
        }

        int replannedReadyAt = (await GatePlanAsync()).Orders.Single(o => o.OrderId == orderId).ReadyAtSeconds;
        Assert.True(replannedReadyAt > plannedReadyAt);
        Assert.Equal([OrderStatus.Disinfecting], await StatusesOfAsync(watch, orderId, OrderStatus.Disinfecting));

        await SetPlanClockAndCheckAsync(plannedReadyAt);
        Assert.Equal(OrderStatus.Disinfecting, (await OrderAsync(orderId)).Status);

        SetPlanClock(replannedReadyAt);
        Assert.Equal([OrderStatus.Released], await StatusesOfAsync(watch, orderId, OrderStatus.Released));
    }

    [Fact]
    public async Task A_stop_reported_on_a_trip_not_started_starts_it_first()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var watch = await WatchAsync("SM1");
        var (volunteerId, doorTrip, orderId) = FirstDoorOf(await GatePlanAsync(), "O-L1-A-");
        string deliveryId = doorTrip.Doors.First(d => DeliveryIds.OrderIdOf(d.DeliveryId) == orderId).DeliveryId;

        await _volunteers.ReportStopAsync(new ReportStopRequest { VolunteerId = volunteerId, DeliveryId = deliveryId, Delivered = new Delivered { ConfirmationCode = CodeOf(orderId) } }, deadline: Deadlines.Soon);
        var again = await _volunteers.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = doorTrip.Number }, deadline: Deadlines.Soon);

        Assert.Equal([OrderStatus.OutForDelivery, OrderStatus.Delivered], await StatusesOfAsync(watch, orderId, OrderStatus.Delivered));
        Assert.True(again.Replayed);
        var tripOrders = doorTrip.Doors.Select(d => DeliveryIds.OrderIdOf(d.DeliveryId)).ToHashSet();
        Assert.Equal(tripOrders, again.Orders.ToHashSet());
        foreach (string other in tripOrders)
        {
            Assert.Single((await OrderAsync(other)).History, h => h.Status == OrderStatus.OutForDelivery);
        }
    }

    [Fact]
    public async Task The_same_departure_twice_is_replayed_a_different_time_refused_and_an_unknown_trip_not_found()
    {
        var before = await Assert.ThrowsAsync<RpcException>(async () => await _trucks.ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = 1, DepartedAtSeconds = 0 }, deadline: Deadlines.Soon));
        await DayOne.PushAndPlanAsync(_server);
        var trip = (await TruckTripsAsync()).Trips.First();
        var departure = new ReportDepartureRequest { TruckId = "T1", TripNumber = trip.Number, DepartedAtSeconds = trip.DepartSeconds };

        var once = await _trucks.ReportDepartureAsync(departure, deadline: Deadlines.Soon);
        var twice = await _trucks.ReportDepartureAsync(departure, deadline: Deadlines.Soon);
        var changed = await Assert.ThrowsAsync<RpcException>(async () => await _trucks.ReportDepartureAsync(new ReportDepartureRequest(departure) { DepartedAtSeconds = trip.DepartSeconds + 60 }, deadline: Deadlines.Soon));
        var unknownTrip = await Assert.ThrowsAsync<RpcException>(async () => await _trucks.ReportDepartureAsync(new ReportDepartureRequest(departure) { TripNumber = 99 }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.FailedPrecondition, before.StatusCode);
        Assert.False(once.Replayed);
        Assert.True(once.OrdersOnTruck > 0);
        Assert.True(twice.Replayed);
        Assert.Equal(once.OrdersOnTruck, twice.OrdersOnTruck);
        Assert.Equal(StatusCode.FailedPrecondition, changed.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownTrip.StatusCode);
        var onTruck = (await _server.CreateIntakeClient().ListOrdersAsync(new ListOrdersRequest { Status = OrderStatus.OnTruck }, deadline: Deadlines.Soon)).Orders;
        Assert.Equal(once.OrdersOnTruck, onTruck.Count);
        foreach (var order in onTruck)
        {
            Assert.Single((await OrderAsync(order.OrderId)).History, h => h.Status == OrderStatus.OnTruck);
        }
    }

    [Theory]
    [InlineData("", 1, 0, "truck_id")]
    [InlineData("T1", 0, 0, "trip_number")]
    [InlineData("T1", 1, -1, "departed_at_seconds")]
    public async Task A_departure_with_a_bad_field_is_invalid_naming_it(string truckId, int tripNumber, int departedAt, string field)
    {
        var e = await Assert.ThrowsAsync<RpcException>(async () => await _trucks.ReportDepartureAsync(
            new ReportDepartureRequest { TruckId = truckId, TripNumber = tripNumber, DepartedAtSeconds = departedAt }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.Contains(e.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations, v => v.Field == field);
    }

    [Fact]
    public async Task Starting_a_trip_twice_is_replayed_and_an_unknown_trip_is_not_found()
    {
        await DayOne.PushAndPlanAsync(_server);
        var (volunteerId, doorTrip, _) = FirstDoorOf(await GatePlanAsync(), "O-L1-");
        var start = new StartTripRequest { VolunteerId = volunteerId, TripNumber = doorTrip.Number };

        // At district midnight the goods are still in disinfection: the trip cannot leave yet.
        var early = await Assert.ThrowsAsync<RpcException>(async () => await _volunteers.StartTripAsync(start, deadline: Deadlines.Soon));
        Assert.Equal(StatusCode.FailedPrecondition, early.StatusCode);
        Assert.Contains("rest after disinfection until", early.Status.Detail, StringComparison.Ordinal);
        SetPlanClock(doorTrip.LeaveGateSeconds);

        var once = await _volunteers.StartTripAsync(start, deadline: Deadlines.Soon);
        var twice = await _volunteers.StartTripAsync(start, deadline: Deadlines.Soon);
        var unknown = await Assert.ThrowsAsync<RpcException>(async () => await _volunteers.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = 99 }, deadline: Deadlines.Soon));
        var zero = await Assert.ThrowsAsync<RpcException>(async () => await _volunteers.StartTripAsync(new StartTripRequest { VolunteerId = volunteerId, TripNumber = 0 }, deadline: Deadlines.Soon));

        Assert.False(once.Replayed);
        Assert.True(twice.Replayed);
        Assert.Equal(once.Orders, twice.Orders);
        Assert.NotEmpty(once.Orders);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, zero.StatusCode);
        foreach (string orderId in once.Orders)
        {
            var order = await OrderAsync(orderId);
            Assert.Equal(OrderStatus.OutForDelivery, order.Status);
            Assert.Single(order.History, h => h.Status == OrderStatus.OutForDelivery);
        }
    }

    [Fact]
    public async Task A_household_collecting_at_the_gate_is_picked_up_once_after_the_rest_with_its_code()
    {
        var intake = _server.CreateIntakeClient();
        var batch = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-C", GridId = "L1-C", Day = 1 };
        foreach (int h in new[] { 1, 3 })
        {
            var input = new OrderInput { OrderId = $"O-L1-C-{h}", HouseholdId = $"H-L1-C-{h}" };
            input.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
            batch.Orders.Add(input);
        }

        await intake.SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        await DayOne.PushAndPlanAsync(_server);
        using var watch = await WatchAsync("SM1");
        var gate = await GatePlanAsync();
        var slotted = gate.Orders.Single(o => o.OrderId == "SM1/O-L1-C-1");
        var free = gate.Orders.Single(o => o.OrderId == "SM1/O-L1-C-3");
        Assert.Equal(OrderFate.PickupSlot, slotted.Fate);
        Assert.Equal(OrderFate.FreePickup, free.Fate);
        var (_, _, doorOrder) = FirstDoorOf(gate, "O-L1-A-");
        string wrong = CodeOf("SM1/O-L1-C-1") == "000000" ? "000001" : "000000";

        var wrongCode = await ConfirmFailsAsync("SM1/O-L1-C-1", wrong);
        var doorDelivery = await ConfirmFailsAsync(doorOrder, CodeOf(doorOrder));
        var unknown = await ConfirmFailsAsync("O-NOBODY", "1234");
        var resting = await ConfirmFailsAsync("SM1/O-L1-C-1", CodeOf("SM1/O-L1-C-1"));

        Assert.Equal(StatusCode.InvalidArgument, wrongCode.StatusCode);
        Assert.Equal(StatusCode.NotFound, doorDelivery.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.FailedPrecondition, resting.StatusCode);
        Assert.Contains($"{slotted.ReadyAtSeconds / 3600:D2}:{slotted.ReadyAtSeconds % 3600 / 60:D2}", resting.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Slotted, (await OrderAsync("SM1/O-L1-C-1")).Status);

        await DriveTrucksAsync(await TruckTripsAsync());
        SetPlanClock(Math.Max(slotted.ReadyAtSeconds, free.ReadyAtSeconds));
        var once = await ConfirmAsync("SM1/O-L1-C-1", CodeOf("SM1/O-L1-C-1"));
        var twice = await ConfirmAsync("SM1/O-L1-C-1", CodeOf("SM1/O-L1-C-1"));
        var freeOnce = await ConfirmAsync("SM1/O-L1-C-3", CodeOf("SM1/O-L1-C-3"));

        Assert.False(once.Replayed);
        Assert.True(twice.Replayed);
        Assert.False(freeOnce.Replayed);
        Assert.Equal(
            [OrderStatus.OnTruck, OrderStatus.Disinfecting, OrderStatus.Released, OrderStatus.PickedUp],
            await StatusesOfAsync(watch, "SM1/O-L1-C-1", OrderStatus.PickedUp));
        var order = await OrderAsync("SM1/O-L1-C-1");
        Assert.Equal(OrderStatus.PickedUp, order.Status);
        Assert.Single(order.History, h => h.Status == OrderStatus.PickedUp);
        Assert.Equal(OrderStatus.PickedUp, (await OrderAsync("SM1/O-L1-C-3")).Status);
    }

    private async Task<ConfirmPickupResult> ConfirmAsync(string orderId, string code) =>
        await _volunteers.ConfirmPickupAsync(new ConfirmPickupRequest { VolunteerId = "V1", OrderId = orderId, ConfirmationCode = code }, deadline: Deadlines.Soon);

    private async Task<RpcException> ConfirmFailsAsync(string orderId, string code) =>
        await Assert.ThrowsAsync<RpcException>(() => ConfirmAsync(orderId, code));

    [Fact]
    public async Task After_a_restart_statuses_already_stored_are_not_emitted_again()
    {
        string folder = DispatchServerFactory.NewFolder();
        TruckTrip trip;
        using (var first = DispatchServerFactory.OnFolder(folder))
        {
            first.KeepFolder = true;
            await DayOne.PushAndPlanAsync(first);
            using var t1 = new StreamRecorder<TruckAssignment>(first.CreateTrucksClient().StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon));
            trip = (await t1.NextAsync()).Trips.First();
            await first.CreateTrucksClient().ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = trip.Number, DepartedAtSeconds = trip.DepartSeconds }, deadline: Deadlines.Soon);
        }

        using var second = DispatchServerFactory.OnFolder(folder);
        using (var t1 = new StreamRecorder<TruckAssignment>(second.CreateTrucksClient().StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon)))
        {
            // The restored plan is live once the truck's trips come back.
            await t1.NextAsync(TimeSpan.FromSeconds(10));
        }

        using var watch = new StreamRecorder<OrderStatusEvent>(second.CreateSupermarketsClient().WatchOrders(new WatchOrdersRequest { SupermarketId = "SM1" }, deadline: Deadlines.Soon));
        await watch.ConnectedAsync();
        var trucks = second.CreateTrucksClient();

        // The departure again emits nothing: the watch's next event is the arrival's.
        await trucks.ReportDepartureAsync(new ReportDepartureRequest { TruckId = "T1", TripNumber = trip.Number, DepartedAtSeconds = trip.DepartSeconds }, deadline: Deadlines.Soon);

        var stop = trip.Stops.First();
        await trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = stop.GateId, LoadId = stop.LoadId, ArrivedAtSeconds = stop.ArrivalSeconds }, deadline: Deadlines.Soon);
        var next = await watch.NextAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(OrderStatus.Disinfecting, next.Status);
        var order = await second.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = next.OrderId }, deadline: Deadlines.Soon);
        Assert.Single(order.History, h => h.Status == OrderStatus.OnTruck);
        Assert.Single(order.History, h => h.Status == OrderStatus.Disinfecting);
    }
}
