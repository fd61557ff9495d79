using Dispatch.Contracts.V1;
using Dispatch.Server.Live;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>A household follows its order with its token, no key; a wrong token learns nothing.</summary>
public sealed class HouseholdWatchTests
{
    private static StreamRecorder<HouseholdOrder> Watch(DispatchServerFactory server, string orderRef, string token, string? apiKey = null) =>
        new(new Households.HouseholdsClient(server.CreateInvoker(apiKey)).WatchOrder(new WatchOrderRequest { OrderRef = orderRef, Token = token }, deadline: Deadlines.Soon));

    [Fact]
    public async Task A_household_sees_its_door_time_and_code_and_then_delivered_after_the_volunteers_report()
    {
        using var server = new DispatchServerFactory();
        await DayOne.PushAndPlanAsync(server);
        using var v1 = new StreamRecorder<Assignment>(server.CreateVolunteersClient().StreamAssignments(new StreamAssignmentsRequest { VolunteerId = "V1" }, deadline: Deadlines.Soon));
        var stop = (await v1.NextAsync()).Trips[0].Stops[0];
        var order = await server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = stop.OrderId }, deadline: Deadlines.Soon);
        using var household = Watch(server, order.OrderRef, order.HouseholdToken);

        var first = await household.NextAsync();
        Assert.Equal(order.OrderRef, first.OrderRef);
        Assert.Equal(order.OrderId, first.SupermarketOrderId);
        Assert.Equal(HouseholdService.DoorDelivery, first.Service);
        Assert.Equal(stop.DropOffSeconds, first.DoorAtSeconds);
        Assert.Equal(order.ConfirmationCode, first.ConfirmationCode);
        Assert.Equal("G1", first.GateId);
        Assert.NotEqual(OrderStatus.Delivered, first.Status);

        await server.CreateVolunteersClient().ReportStopAsync(
            new ReportStopRequest { VolunteerId = "V1", DeliveryId = stop.DeliveryId, Delivered = new Delivered { ConfirmationCode = order.ConfirmationCode } }, deadline: Deadlines.Soon);

        var latest = await household.NextMatchingAsync(o => o.Status == OrderStatus.Delivered);

        Assert.Equal(OrderStatus.Delivered, latest.History[^1].Status);
    }

    [Fact]
    public async Task A_low_risk_household_is_told_its_free_pickup_window_from_start_to_end()
    {
        using var server = new DispatchServerFactory();
        var batch = new OrderBatch { SupermarketId = "SM1", BatchId = "B-L1-C", GridId = "L1-C", Day = 1 };
        var input = new OrderInput { OrderId = "O-L1-C-3", HouseholdId = "H-L1-C-3" };
        input.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
        batch.Orders.Add(input);
        await server.CreateIntakeClient().SubmitBatchAsync(batch, deadline: Deadlines.Soon);
        await DayOne.PushAndPlanAsync(server);
        var gate = await server.CreatePlanningClient().GetGatePlanAsync(new GetGatePlanRequest { DistrictId = "D1", Day = 1, GateId = "G1" }, deadline: Deadlines.Soon);
        var window = Assert.Single(gate.FreeWindows);
        var order = await server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = "O-L1-C-3", SupermarketId = "SM1" }, deadline: Deadlines.Soon);
        using var household = Watch(server, order.OrderRef, order.HouseholdToken);

        var first = await household.NextAsync();

        Assert.Equal("H-L1-C-3", window.HouseholdId);
        Assert.Equal(HouseholdService.FreePickup, first.Service);
        Assert.Equal(window.StartSeconds, first.PickupFromSeconds);
        Assert.Equal(window.EndSeconds, first.PickupUntilSeconds);
        Assert.True(first.PickupUntilSeconds > first.PickupFromSeconds);
    }

    [Fact]
    public async Task A_wrong_token_is_answered_exactly_like_an_unknown_order_even_with_a_key()
    {
        using var server = new DispatchServerFactory();
        await DayOne.PushAndPlanAsync(server);
        var order = await server.CreateIntakeClient().GetOrderAsync(new GetOrderRequest { OrderId = "O-L1-A-1", SupermarketId = "SM1" }, deadline: Deadlines.Soon);
        string wrong = (order.HouseholdToken[0] == 'A' ? "B" : "A") + order.HouseholdToken[1..];

        using var wrongToken = Watch(server, order.OrderRef, wrong);
        using var withKey = Watch(server, order.OrderRef, wrong, TestKeys.Admin);
        using var unknownOrder = Watch(server, "SM1/O-nobody", order.HouseholdToken);
        using var otherOrders = Watch(server, "SM1/O-L1-A-2", order.HouseholdToken);

        var refusals = new[] { await RefusalAsync(wrongToken), await RefusalAsync(withKey), await RefusalAsync(unknownOrder), await RefusalAsync(otherOrders) };
        Assert.All(refusals, r => Assert.Equal(StatusCode.NotFound, r.StatusCode));
        Assert.Equal(refusals[0].Status.Detail, refusals[1].Status.Detail);
        Assert.Equal(refusals[0].Status.Detail.Replace(order.OrderRef, "X"), refusals[2].Status.Detail.Replace("SM1/O-nobody", "X"));
    }

    private static async Task<RpcException> RefusalAsync(StreamRecorder<HouseholdOrder> stream)
    {
        var closed = await Assert.ThrowsAsync<System.Threading.Channels.ChannelClosedException>(() => stream.NextAsync());
        return Assert.IsType<RpcException>(closed.InnerException);
    }
}
