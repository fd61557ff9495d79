using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>A supermarket pushes only for the grids it serves, and its order ids are its own: nobody learns or takes another's.</summary>
public sealed class SupermarketScopeTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Two_supermarkets_may_use_the_same_order_ids_and_each_reads_only_its_own()
    {
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);
        var sm2 = _server.CreateIntakeClient(TestKeys.Sm2);
        await sm2.SubmitBatchAsync(Batches.Valid("B-2", "SM2", "L1-B", orderPrefix: "O"), deadline: Deadlines.Soon);

        // Before, SM1 was told "already stored from another batch": it learnt SM2's ids and could take them first.
        var mine = await sm1.SubmitBatchAsync(Batches.Valid("B-1", "SM1", "L1-A", orderPrefix: "O"), deadline: Deadlines.Soon);

        Assert.Equal(3, mine.AcceptedCount);
        Assert.Empty(mine.Rejected);
        var ownOrder = await sm1.GetOrderAsync(new GetOrderRequest { OrderId = "O-1" }, deadline: Deadlines.Soon);
        var theirOrder = await sm2.GetOrderAsync(new GetOrderRequest { OrderId = "O-1" }, deadline: Deadlines.Soon);
        Assert.Equal(("O-1", "SM1/O-1", "L1-A"), (ownOrder.OrderId, ownOrder.OrderRef, ownOrder.GridId));
        Assert.Equal(("O-1", "SM2/O-1", "L1-B"), (theirOrder.OrderId, theirOrder.OrderRef, theirOrder.GridId));
        var asked = await Assert.ThrowsAsync<RpcException>(async () =>
            await sm1.GetOrderAsync(new GetOrderRequest { OrderId = "O-1", SupermarketId = "SM2" }, deadline: Deadlines.Soon));
        Assert.Equal(StatusCode.NotFound, asked.StatusCode);
        var listed = await sm1.ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);
        Assert.Equal(["O-1", "O-2", "O-3"], listed.Orders.Select(o => o.OrderId));
        Assert.All(listed.Orders, o => Assert.Equal("SM1", o.SupermarketId));

        // Staff name the order by its order_ref, or say whose it is when two supermarkets share the id.
        var admin = _server.CreateIntakeClient(TestKeys.Admin);
        Assert.Equal("L1-B", (await admin.GetOrderAsync(new GetOrderRequest { OrderId = "SM2/O-2" }, deadline: Deadlines.Soon)).GridId);
        Assert.Equal("L1-B", (await admin.GetOrderAsync(new GetOrderRequest { OrderId = "O-2", SupermarketId = "SM2" }, deadline: Deadlines.Soon)).GridId);
        var ambiguous = await Assert.ThrowsAsync<RpcException>(async () => await admin.GetOrderAsync(new GetOrderRequest { OrderId = "O-2" }, deadline: Deadlines.Soon));
        Assert.Equal(StatusCode.InvalidArgument, ambiguous.StatusCode);
    }

    [Fact]
    public async Task The_same_supermarket_reusing_an_order_id_in_another_batch_is_rejected_for_that_order()
    {
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);
        await sm1.SubmitBatchAsync(Batches.Valid("B-1", orderPrefix: "O"), deadline: Deadlines.Soon);

        var again = await sm1.SubmitBatchAsync(Batches.Valid("B-2", count: 4, orderPrefix: "O"), deadline: Deadlines.Soon);

        Assert.Equal(1, again.AcceptedCount);
        Assert.Equal(["O-1", "O-2", "O-3"], again.Rejected.Select(r => r.OrderId));
    }

    [Theory]
    [InlineData(TestKeys.Sm1)]
    [InlineData(TestKeys.Admin)]
    public async Task A_batch_for_a_grid_another_supermarket_serves_is_refused_whole_and_uses_nobodys_stock(string key)
    {
        // Grid L1-B is served by SM2: its orders are packed from SM2's stock, so SM1 may not push for it.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _server.CreateIntakeClient(key).SubmitBatchAsync(Batches.Valid("B-1", "SM1", "L1-B"), deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations);
        Assert.Equal("grid_id", violation.Field);
        Assert.Contains("not served by supermarket 'SM1'", violation.Description, StringComparison.Ordinal);
        var all = await _server.CreateIntakeClient(TestKeys.Admin).ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);
        Assert.Empty(all.Orders);
    }
}
