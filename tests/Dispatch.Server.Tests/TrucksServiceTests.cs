using Dispatch.Contracts.V1;
using Dispatch.Planning.Trucks;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

public sealed class TrucksServiceTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();
    private readonly Trucks.TrucksClient _trucks;

    public TrucksServiceTests()
    {
        _trucks = _server.CreateTrucksClient();
    }

    public void Dispose() => _server.Dispose();

    private StreamRecorder<TruckAssignment> StreamTruck(string truckId, int lastSeen = 0) =>
        new(_trucks.StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = truckId, LastSeenVersion = lastSeen }, deadline: Deadlines.Soon));

    [Fact]
    public async Task Truck_stream_gets_its_trips_loads_and_gate_windows()
    {
        var plan = await DayOne.PushAndPlanAsync(_server);
        using var t1 = StreamTruck("T1");

        var trips = await t1.NextAsync();

        Assert.Equal(plan.Version, trips.Version);
        Assert.Equal("SM1", trips.SupermarketId);
        var stop = trips.Trips.SelectMany(t => t.Stops).First();
        Assert.Equal("G1", stop.GateId);
        Assert.False(string.IsNullOrEmpty(stop.LoadId));
        Assert.Equal("G1", Assert.Single(trips.GateWindows).GateId);
    }

    [Fact]
    public async Task A_late_truck_re_plans_the_gate_and_door_trips_leave_after_the_new_release()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var t1 = StreamTruck("T1");
        using var v1 = new StreamRecorder<Assignment>(_server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
        var stop = (await t1.NextAsync()).Trips.SelectMany(t => t.Stops).First(s => s.GateId == "G1");
        var before = await v1.NextAsync();
        int arrived = stop.ArrivalSeconds + 3_600;

        var result = await _trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = "G1", LoadId = stop.LoadId, ArrivedAtSeconds = arrived }, deadline: Deadlines.Soon);

        Assert.True(result.Replanned);
        Assert.Equal(3_600, result.LateBySeconds);
        var after = await v1.NextAsync(TimeSpan.FromSeconds(1));
        Assert.True(after.Version > before.Version);
        int released = arrived + (20 * 60) + 900 + 1_800;
        Assert.All(after.Trips, t => Assert.True(t.LeaveGateSeconds >= released, $"trip {t.Number} leaves at {t.LeaveGateSeconds} s before the release at {released} s"));
        var truckNow = await t1.NextAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(arrived, truckNow.Trips.SelectMany(t => t.Stops).First(s => s.LoadId == stop.LoadId).ArrivalSeconds);
    }

    [Fact]
    public async Task The_same_arrival_twice_is_replayed_and_a_different_time_is_refused()
    {
        await DayOne.PushAndPlanAsync(_server);
        using var t1 = StreamTruck("T1");
        var stop = (await t1.NextAsync()).Trips.SelectMany(t => t.Stops).First();
        var arrival = new ReportArrivalRequest { TruckId = "T1", GateId = stop.GateId, LoadId = stop.LoadId, ArrivedAtSeconds = stop.ArrivalSeconds };

        var once = await _trucks.ReportArrivalAsync(arrival, deadline: Deadlines.Soon);
        var twice = await _trucks.ReportArrivalAsync(arrival, deadline: Deadlines.Soon);
        var changed = await Assert.ThrowsAsync<RpcException>(() => _trucks.ReportArrivalAsync(new ReportArrivalRequest(arrival) { ArrivedAtSeconds = stop.ArrivalSeconds + 60 }, deadline: Deadlines.Soon).ResponseAsync);
        var unknownLoad = await Assert.ThrowsAsync<RpcException>(() => _trucks.ReportArrivalAsync(new ReportArrivalRequest(arrival) { LoadId = "no-such-load" }, deadline: Deadlines.Soon).ResponseAsync);

        Assert.False(once.Replayed);
        Assert.False(once.Replanned);
        Assert.True(twice.Replayed);
        Assert.Equal(once.LateBySeconds, twice.LateBySeconds);
        Assert.Equal(StatusCode.FailedPrecondition, changed.StatusCode);
        Assert.Equal(StatusCode.NotFound, unknownLoad.StatusCode);
    }

    [Fact]
    public async Task A_late_truck_moves_a_pickup_slot_that_would_start_before_its_goods_are_ready()
    {
        var slotBatch = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-C", GridId = "L1-C", Day = 1 };
        var slotOrder = new OrderInput { OrderId = "O-L1-C-1", HouseholdId = "H-L1-C-1" };
        slotOrder.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
        slotBatch.Orders.Add(slotOrder);
        await _server.CreateIntakeClient().SubmitBatchAsync(slotBatch, deadline: Deadlines.Soon);
        await DayOne.PushAndPlanAsync(_server);
        var planning = _server.CreatePlanningClient();
        var gateRequest = new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" };
        var before = (await planning.GetGatePlanAsync(gateRequest, deadline: Deadlines.Soon)).Orders.Single(o => o.OrderId == "SM1/O-L1-C-1");
        Assert.Equal(OrderFate.PickupSlot, before.Fate);
        using var t1 = StreamTruck("T1");
        var stop = (await t1.NextAsync()).Trips.SelectMany(t => t.Stops).First(s => ConsignmentRef.IsPieceOf(before.ConsignmentId, s.LoadId));
        using var watch = new StreamRecorder<OrderStatusEvent>(_server.CreateSupermarketsClient().WatchOrders(new WatchOrdersRequest { SupermarketId = "SM1" }, deadline: Deadlines.Soon));
        await watch.ConnectedAsync();

        // The truck arrives when the household's slot starts: unloading, disinfection and rest end well after it.
        var result = await _trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = "G1", LoadId = stop.LoadId, ArrivedAtSeconds = before.ServedAtSeconds }, deadline: Deadlines.Soon);

        Assert.True(result.Replanned);
        var gate = await planning.GetGatePlanAsync(gateRequest, deadline: Deadlines.Soon);
        var after = gate.Orders.Single(o => o.OrderId == "SM1/O-L1-C-1");
        Assert.Equal(OrderFate.PickupSlot, after.Fate);
        Assert.True(after.ReadyAtSeconds > before.ServedAtSeconds);
        Assert.True(after.ServedAtSeconds >= after.ReadyAtSeconds, $"slot at {after.ServedAtSeconds} s, goods ready at {after.ReadyAtSeconds} s");
        var slot = gate.Slots.Single(s => s.HouseholdIds.Contains("H-L1-C-1"));
        Assert.Equal(after.ServedAtSeconds, slot.StartSeconds);

        var events = new List<OrderStatusEvent>();
        while (events.All(e => e.Status != OrderStatus.Slotted))
        {
            events.Add(await watch.NextAsync(TimeSpan.FromSeconds(2)));
        }

        var moved = events.Single(e => e.Status == OrderStatus.Slotted);
        Assert.Equal("O-L1-C-1", moved.OrderId);
        Assert.Contains("slot moved", moved.Reason, StringComparison.Ordinal);

        // The news is in the history; the order itself stays where it is (its goods are in disinfection).
        var order = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = "O-L1-C-1" }, deadline: Deadlines.Soon);
        Assert.Equal(OrderStatus.Disinfecting, order.Status);
        Assert.Contains(order.History, h => h.Status == OrderStatus.Slotted && h.Reason.Contains("slot moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_truck_late_at_one_gate_is_expected_late_at_its_next_and_that_gate_is_re_planned_too()
    {
        using var server = new DispatchServerFactory { District = TinyDistrict.WithSecondGate() };
        var intake = server.CreateIntakeClient();
        var east = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-D", GridId = "L1-D", Day = 1 };
        for (int h = 1; h <= 4; h++)
        {
            var order = new OrderInput { OrderId = $"O-L1-D-{h}", HouseholdId = $"H-L1-D-{h}" };
            order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 2 });
            east.Orders.Add(order);
        }

        await intake.SubmitBatchAsync(east, deadline: Deadlines.Soon);
        await DayOne.PushAndPlanAsync(server);
        var trucks = server.CreateTrucksClient();
        using var t1 = new StreamRecorder<TruckAssignment>(trucks.StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon));
        var stops = (await t1.NextAsync()).Trips.OrderBy(t => t.DepartSeconds).SelectMany(t => t.Stops).ToList();
        Assert.Equal(["G1", "G2"], stops.Select(s => s.GateId).Order());
        var (first, next) = (stops[0], stops[1]);
        using var nextGateVolunteer = new StreamRecorder<Assignment>(server.CreateVolunteersClient().StreamAssignments(
            new StreamAssignmentsRequest { VolunteerId = next.GateId == "G2" ? "V4" : "V1" }, deadline: Deadlines.Soon));
        var before = await nextGateVolunteer.NextAsync();

        // Three hours late at the first gate: far more than any gap before the next stop.
        using var work = server.WatchLiveWork();
        await trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = first.GateId, LoadId = first.LoadId, ArrivedAtSeconds = first.ArrivalSeconds + 10_800 }, deadline: Deadlines.Soon);

        var moved = await t1.NextAsync(TimeSpan.FromSeconds(2));
        var nextNow = moved.Trips.SelectMany(t => t.Stops).Single(s => s.LoadId == next.LoadId);
        Assert.True(nextNow.ArrivalSeconds > next.ArrivalSeconds + 3_600, $"next stop expected at {nextNow.ArrivalSeconds} s, planned {next.ArrivalSeconds} s");

        // In the background, the next gate is re-planned: its door trips wait for goods that now come later.
        var replanned = await work.ReplanOfAsync(next.GateId);
        Assert.Null(replanned.Error);
        var after = await nextGateVolunteer.NextAsync();
        Assert.Equal(replanned.PlanVersion, after.Version);
        Assert.True(after.Version > before.Version);
        int released = nextNow.ArrivalSeconds + (20 * 60) + 900 + 1_800;
        Assert.All(after.Trips, t => Assert.True(t.LeaveGateSeconds >= released, $"trip {t.Number} leaves at {t.LeaveGateSeconds} s, before the release at {released} s"));

        // Reported on the new expectation, the next arrival is on time: no further re-plan.
        var onTime = await trucks.ReportArrivalAsync(new ReportArrivalRequest { TruckId = "T1", GateId = next.GateId, LoadId = next.LoadId, ArrivedAtSeconds = nextNow.ArrivalSeconds }, deadline: Deadlines.Soon);
        Assert.False(onTime.Replanned);
        Assert.Equal(0, onTime.LateBySeconds);
    }
}
