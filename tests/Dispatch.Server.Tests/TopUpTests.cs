using Dispatch.Contracts.V1;
using Dispatch.Planning.Trucks;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Server.Live;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>Orders that arrive for the day being delivered top up their gate: a truck trip, cycles, door trips.</summary>
public sealed class TopUpTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    private static OrderBatch LateBatch(string batchId, int day, params string[] householdIds)
    {
        var batch = new OrderBatch { SupermarketId = "SM1", BatchId = batchId, GridId = "L1-A", Day = day };
        foreach (string household in householdIds)
        {
            var order = new OrderInput { OrderId = $"O-{batchId}-{household}", HouseholdId = household };
            order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
            batch.Orders.Add(order);
        }

        return batch;
    }

    /// <summary>Submits the batch and waits for its top-up to be done; the gate's plan after it.</summary>
    private async Task<(BatchResult Receipt, GatePlan Gate)> SubmitAndTopUpAsync(OrderBatch batch)
    {
        using var work = _server.WatchLiveWork();
        var receipt = await _server.CreateIntakeClient().SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        var done = await work.TopUpOfAsync($"SM1/{batch.Orders[0].OrderId}");
        Assert.Null(done.Error);
        return (receipt, await GatePlanAsync());
    }

    private async Task<GatePlan> GatePlanAsync() =>
        await _server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);

    [Fact]
    public async Task A_new_batch_for_the_day_being_delivered_tops_up_the_gate_and_reaches_driver_volunteer_and_supermarket()
    {
        var planned = await DayOne.PushAndPlanAsync(_server);
        using var truck = new StreamRecorder<TruckAssignment>(_server.CreateTrucksClient().StreamTruckAssignments(new StreamTruckAssignmentsRequest { TruckId = "T1" }, deadline: Deadlines.Soon));
        var volunteers = new[] { "V1", "V2", "V3" }.ToDictionary(
            v => v,
            v => new StreamRecorder<Assignment>(_server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = v }, deadline: Deadlines.Soon)));
        using var watch = new StreamRecorder<OrderStatusEvent>(_server.CreateSupermarketsClient().WatchOrders(new WatchOrdersRequest { SupermarketId = "SM1" }, deadline: Deadlines.Soon));
        await watch.ConnectedAsync();
        var tripsBefore = (await truck.NextAsync()).Trips.ToList();
        foreach (var stream in volunteers.Values)
        {
            await stream.NextAsync();
        }

        var (receipt, gate) = await SubmitAndTopUpAsync(LateBatch("late", 1, "H-L1-A-2"));
        Assert.Equal(1, receipt.AcceptedCount);
        const string orderId = "SM1/O-late-H-L1-A-2";

        var outcome = Assert.Single(gate.Orders, o => o.OrderId == orderId);
        Assert.Equal(OrderFate.DoorDelivery, outcome.Fate);
        Assert.True(gate.Version > planned.Version);
        Assert.Equal("T1", outcome.TruckId);
        Assert.Contains("+1#", outcome.ConsignmentId, StringComparison.Ordinal);

        // The truck gets a trip more, leaving no earlier than now (08:00 district time) plus packing, and after its planned trips.
        var trucked = await truck.NextAsync(TimeSpan.FromSeconds(2));
        var added = Assert.Single(trucked.Trips, t => t.Stops.Any(s => ConsignmentRef.IsPieceOf(outcome.ConsignmentId, s.LoadId)));
        Assert.Equal(tripsBefore.Count + 1, trucked.Trips.Count);
        Assert.True(added.DepartSeconds >= Math.Max((8 * 3_600) + 1_800, tripsBefore.Max(t => t.ReturnSeconds)), $"left at {added.DepartSeconds} s");

        // Its goods are disinfected in a cycle after the planned ones, and the door trip leaves after their release.
        var cycle = gate.Cycles.Single(c => c.Loads.Any(l => l.ConsignmentId == outcome.ConsignmentId));
        Assert.Equal(outcome.ReadyAtSeconds, cycle.EndSeconds);
        Assert.True(cycle.StartSeconds >= added.Stops.Single().ArrivalSeconds);
        var carrier = volunteers[outcome.AssignedTo];
        var route = await carrier.NextAsync(TimeSpan.FromSeconds(1));
        var trip = Assert.Single(route.Trips, t => t.Stops.Any(s => s.OrderId == orderId));
        Assert.True(trip.LeaveGateSeconds >= outcome.ReadyAtSeconds);

        var planned1 = await watch.NextAsync(TimeSpan.FromSeconds(1));
        Assert.Equal(orderId, planned1.OrderRef);
        Assert.Equal(OrderStatus.Planned, planned1.Status);
        Assert.Contains("top-up", planned1.Reason, StringComparison.Ordinal);

        // The plan's numbers count the new order (its household was already served once: it stays one household).
        var summary = await _server.CreatePlanningClient().GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon);
        Assert.Equal(planned.Kpis.Orders + 1, summary.Kpis.Orders);
        Assert.Equal(planned.Kpis.DoorDeliveries + 1, summary.Kpis.DoorDeliveries);
        Assert.Equal(planned.Kpis.HouseholdsServed, summary.Kpis.HouseholdsServed);

        var history = await _server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = orderId }, deadline: Deadlines.Soon);
        Assert.Contains(history.History, h => h.Status == OrderStatus.Planned && h.Reason.Contains("top-up", StringComparison.Ordinal));

        foreach (var stream in volunteers.Values)
        {
            stream.Dispose();
        }
    }

    [Fact]
    public async Task Orders_for_another_day_leave_the_live_plan_alone()
    {
        var planned = await DayOne.PushAndPlanAsync(_server);
        using var v1 = new StreamRecorder<Assignment>(_server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
        await v1.NextAsync();

        var (_, gate) = await SubmitAndTopUpAsync(LateBatch("tomorrow", 2, "H-L1-A-2"));

        // The top-up is done: whatever it changed was stored and offered before it said so.
        Assert.Equal(planned.Version, gate.Version);
        Assert.DoesNotContain(gate.Orders, o => o.OrderId == "SM1/O-tomorrow-H-L1-A-2");
        var plan = await _server.CreatePlanningClient().GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon);
        Assert.Equal(planned.Version, plan.Version);
        Assert.Equal(planned.Version, _server.Services.GetRequiredService<IRouteHub<Assignment>>().Current("V1")!.Version);
    }

    [Fact]
    public async Task A_replayed_batch_does_not_top_up_twice()
    {
        await DayOne.PushAndPlanAsync(_server);
        var (_, first) = await SubmitAndTopUpAsync(LateBatch("late", 1, "H-L1-A-3"));
        Assert.Contains(first.Orders, o => o.OrderId == "SM1/O-late-H-L1-A-3");

        using var stored = _server.WatchStoredOrders();
        var replay = await _server.CreateIntakeClient().SubmitBatchAsync(LateBatch("late", 1, "H-L1-A-3"), deadline: Deadlines.Soon);

        // Intake tells of stored orders before it answers: a replay told nothing, so nothing is topped up.
        Assert.True(replay.Replayed);
        Assert.False(stored.Reader.TryRead(out _));
        var gate = await GatePlanAsync();
        Assert.Equal(first.Version, gate.Version);
        Assert.Single(gate.Orders, o => o.OrderId == "SM1/O-late-H-L1-A-3");
    }

    [Fact]
    public async Task Late_in_the_day_the_new_orders_are_told_why_no_truck_takes_them()
    {
        await DayOne.PushAndPlanAsync(_server);

        // T1's shift ends at 12:00; at 11:45 packing alone runs past it.
        _server.Clock.Advance(TimeSpan.FromMinutes((3 * 60) + 45));
        var (_, gate) = await SubmitAndTopUpAsync(LateBatch("late", 1, "H-L1-A-4"));
        var outcome = Assert.Single(gate.Orders, o => o.OrderId == "SM1/O-late-H-L1-A-4");
        Assert.Equal(OrderFate.Unassigned, outcome.Fate);
        Assert.StartsWith("no truck", outcome.Reason, StringComparison.Ordinal);
    }
}
