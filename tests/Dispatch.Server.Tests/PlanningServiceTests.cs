using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

public sealed class PlanningServiceTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();
    private readonly OrderIntake.OrderIntakeClient _intake;
    private readonly Contracts.V1.Planning.PlanningClient _planning;

    public PlanningServiceTests()
    {
        _intake = _server.CreateIntakeClient();
        _planning = _server.CreatePlanningClient();
    }

    public void Dispose() => _server.Dispose();

    private async Task PushDayOneAsync()
    {
        foreach (var grid in new[] { "L1-A", "L1-B" })
        {
            var batch = new OrderBatch { SupermarketId = grid == "L1-A" ? "SM1" : "SM2", BatchId = $"B-{grid}", GridId = grid, Day = 1 };
            for (int h = 1; h <= 5; h++)
            {
                var order = new OrderInput { OrderId = $"O-{grid}-{h}", HouseholdId = $"H-{grid}-{h}" };
                order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
                batch.Orders.Add(order);
            }

            var result = await _intake.SubmitBatchAsync(batch, deadline: Deadlines.Soon);
            Assert.Equal(5, result.AcceptedCount);
        }
    }

    private async Task<(List<StageProgress> Progress, PlanSummary? Plan)> PlanAsync(int day = 1, string district = "D1", DateTime? deadline = null)
    {
        using var call = _planning.PlanDistrictDay(new PlanDistrictDayRequest { DistrictId = district, Day = day }, deadline: deadline ?? Deadlines.Soon);
        var progress = new List<StageProgress>();
        PlanSummary? plan = null;
        await foreach (var update in call.ResponseStream.ReadAllAsync())
        {
            if (update.UpdateCase == PlanDistrictDayUpdate.UpdateOneofCase.Progress)
            {
                progress.Add(update.Progress);
            }
            else
            {
                plan = update.Plan;
            }
        }

        return (progress, plan);
    }

    [Fact]
    public async Task A_plan_carries_its_rules_and_a_gate_plan_its_buffer_waits_storage_waits_and_pickup_ends()
    {
        await PushDayOneAsync();
        var slotted = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-C", GridId = "L1-C", Day = 1 };
        foreach (int h in new[] { 1, 3 })
        {
            var order = new OrderInput { OrderId = $"O-L1-C-{h}", HouseholdId = $"H-L1-C-{h}" };
            order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
            slotted.Orders.Add(order);
        }

        await _intake.SubmitBatchAsync(slotted, deadline: Deadlines.Soon);

        var (_, plan) = await PlanAsync();
        var gate = await _planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);

        Assert.Equal(20 * 3_600, plan!.Rules.ServeByDeadlineSeconds);
        Assert.Equal(30 * 60, plan.Rules.FreePickupWindowSeconds);
        Assert.Equal(15 * 60, plan.Rules.SlotSeconds);
        Assert.True(plan.Rules.PickupClosesAtSeconds > plan.Rules.PickupOpensAtSeconds);
        var consignments = gate.Cycles.SelectMany(c => c.Loads).Select(l => l.ConsignmentId).Distinct().Order().ToList();
        Assert.Equal(consignments, gate.BufferWaits.Select(w => w.ConsignmentId).Order().ToList());
        Assert.All(gate.BufferWaits, w => Assert.True(w.HasLeftAtSeconds && w.LeftAtSeconds >= w.UnloadedAtSeconds));
        Assert.All(gate.Cycles, c => Assert.True(c.StorageWaitSeconds >= 0));
        var slot = gate.Orders.Single(o => o.OrderId == "SM1/O-L1-C-1");
        var free = gate.Orders.Single(o => o.OrderId == "SM1/O-L1-C-3");
        Assert.Equal(OrderFate.PickupSlot, slot.Fate);
        Assert.Equal(slot.ServedAtSeconds + (15 * 60), slot.PickupUntilSeconds);
        Assert.Equal(OrderFate.FreePickup, free.Fate);
        Assert.Equal(Assert.Single(gate.FreeWindows).EndSeconds, free.PickupUntilSeconds);
        Assert.All(gate.Orders.Where(o => o.Fate == OrderFate.DoorDelivery), o => Assert.Equal(0, o.PickupUntilSeconds));
    }

    [Fact]
    public async Task Planning_stored_orders_streams_progress_then_a_versioned_plan()
    {
        await PushDayOneAsync();

        var (progress, plan) = await PlanAsync();

        Assert.Contains(progress, p => p.Stage == "trucks");
        Assert.Contains(progress, p => p.Stage == "gates");
        Assert.NotNull(plan);
        Assert.Equal(1, plan!.Version);
        Assert.Equal(10, plan.Kpis.Orders);
        Assert.Equal(10, plan.Kpis.HouseholdsServed + plan.Kpis.Unassigned + plan.Kpis.Unfilled);
        Assert.True(plan.Kpis.DoorDeliveries > 0);
        Assert.NotEmpty(plan.TruckRoutes);
        Assert.Equal("G1", Assert.Single(plan.Gates).GateId);

        var again = await PlanAsync();
        Assert.Equal(2, again.Plan!.Version);
        var latest = await _planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon);
        Assert.Equal(2, latest.Version);
        var first = await _planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1, Version = 1 }, deadline: Deadlines.Soon);
        Assert.Equal(1, first.Version);
    }

    [Fact]
    public async Task Gate_plan_shows_cycles_door_routes_and_every_order_and_orders_record_the_plan()
    {
        await PushDayOneAsync();
        await PlanAsync();

        var gate = await _planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);

        Assert.NotEmpty(gate.Cycles);
        Assert.All(gate.Cycles, c => Assert.True(c.EndSeconds - c.StartSeconds >= 900 + 1_800));
        Assert.Equal(10, gate.Orders.Count);
        var delivered = gate.Orders.Where(o => o.Fate == OrderFate.DoorDelivery).ToList();
        Assert.NotEmpty(delivered);
        Assert.All(delivered, o => Assert.True(o.ServedAtSeconds >= o.ReadyAtSeconds));
        Assert.Equal(delivered.Count, gate.DoorRoutes.SelectMany(r => r.Trips).SelectMany(t => t.Doors).Count());

        var order = await _intake.GetOrderAsync(new GetOrderRequest { OrderId = delivered[0].OrderId }, deadline: Deadlines.Soon);
        Assert.Equal(Contracts.V1.OrderStatus.Planned, order.Status);
        Assert.Equal(2, order.History.Count);
        Assert.Contains("plan v1", order.History[1].Reason);
    }

    [Fact]
    public async Task Planning_a_day_without_orders_is_failed_precondition()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => PlanAsync(day: 3));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("no orders", error.Status.Detail);
    }

    [Theory]
    [InlineData("D9", 1, StatusCode.NotFound)]
    [InlineData("D1", 0, StatusCode.InvalidArgument)]
    public async Task Unknown_district_and_bad_day_are_refused(string district, int day, StatusCode expected)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => PlanAsync(day, district));

        Assert.Equal(expected, error.StatusCode);
    }

    [Fact]
    public async Task Missing_plan_and_unknown_gate_are_not_found()
    {
        var noPlan = await Assert.ThrowsAsync<RpcException>(async () =>
            await _planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon));
        await PushDayOneAsync();
        await PlanAsync();
        var noGate = await Assert.ThrowsAsync<RpcException>(async () =>
            await _planning.GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G9" }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.NotFound, noPlan.StatusCode);
        Assert.Equal(StatusCode.NotFound, noGate.StatusCode);
    }

    [Fact]
    public async Task Plan_cut_off_by_its_deadline_stores_nothing_and_the_server_keeps_serving()
    {
        await PushDayOneAsync();

        // The in-memory test host resets an abandoned stream, so the client may see DEADLINE_EXCEEDED or the reset:
        // what matters here is that the call ends, stores nothing, and leaves the server serving.
        // 10 ms: the tiny day plans in well under a second, and a deadline running out after the plan is stored
        // would (rightly) leave it stored.
        await Assert.ThrowsAsync<RpcException>(() => PlanAsync(deadline: DateTime.UtcNow.AddMilliseconds(10)));

        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await _planning.GetPlanAsync(new GetPlanRequest { DistrictId = "D1", Day = 1 }, deadline: Deadlines.Soon));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
        var (_, plan) = await PlanAsync();
        Assert.Equal(1, plan!.Version);
    }
}
