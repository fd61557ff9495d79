using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Google.Rpc;
using Grpc.Core;

namespace Dispatch.Server.Tests;

public sealed class OrderIntakeTests : IDisposable
{
    private readonly DispatchServerFactory _server = new();
    private readonly OrderIntake.OrderIntakeClient _client;

    public OrderIntakeTests()
    {
        _client = _server.CreateIntakeClient();
    }

    public void Dispose() => _server.Dispose();

    private static OrderInput Order(string orderId, string householdId, params (BundleKind Kind, int Quantity)[] lines)
    {
        var order = new OrderInput { OrderId = orderId, HouseholdId = householdId };
        order.Lines.AddRange(lines.Select(l => new BundleLine { Kind = l.Kind, Quantity = l.Quantity }));
        return order;
    }

    private static OrderBatch Batch(string batchId, string gridId = "L1-A", string supermarketId = "SM1", int day = 1, params OrderInput[] orders)
    {
        var batch = new OrderBatch { SupermarketId = supermarketId, BatchId = batchId, GridId = gridId, Day = day };
        batch.Orders.AddRange(orders);
        return batch;
    }

    private static OrderBatch ValidBatch(string batchId) => Batch(batchId, orders:
    [
        Order("O-1", "H-L1-A-1", (BundleKind.Vegetable, 2)),
        Order("O-2", "H-L1-A-2", (BundleKind.MeatAndVegetable, 1), (BundleKind.Medicine, 1)),
        Order("O-3", "H-L1-A-3", (BundleKind.RiceAndFlour, 1)),
    ]);

    private async Task<int> CountOrdersAsync()
    {
        var page = await _client.ListOrdersAsync(new ListOrdersRequest { PageSize = 1000 }, deadline: Deadlines.Soon);
        return page.Orders.Count;
    }

    [Fact]
    public async Task Valid_batch_is_stored_and_reads_back_with_its_history()
    {
        var result = await _client.SubmitBatchAsync(ValidBatch("B-1"), deadline: Deadlines.Soon);

        Assert.Equal(3, result.AcceptedCount);
        Assert.Empty(result.Rejected);
        Assert.False(result.Replayed);

        var order = await _client.GetOrderAsync(new GetOrderRequest { OrderId = "O-2" }, deadline: Deadlines.Soon);
        Assert.Equal("H-L1-A-2", order.HouseholdId);
        Assert.Equal("L1-A", order.GridId);
        Assert.Equal("SM1", order.SupermarketId);
        Assert.Equal("B-1", order.BatchId);
        Assert.Equal(1, order.Day);
        Assert.Equal(OrderStatus.Received, order.Status);
        Assert.Equal(
            new[] { (BundleKind.MeatAndVegetable, 1), (BundleKind.Medicine, 1) },
            order.Lines.Select(l => (l.Kind, l.Quantity)).ToArray());
        var entry = Assert.Single(order.History);
        Assert.Equal(OrderStatus.Received, entry.Status);
    }

    [Fact]
    public async Task Resubmitted_batch_returns_the_first_answer_and_stores_nothing_twice()
    {
        var first = await _client.SubmitBatchAsync(ValidBatch("B-1"), deadline: Deadlines.Soon);

        var changed = ValidBatch("B-1");
        changed.Orders.Add(Order("O-4", "H-L1-A-4", (BundleKind.Vegetable, 1)));
        var again = await _client.SubmitBatchAsync(changed, deadline: Deadlines.Soon);

        Assert.True(again.Replayed);
        Assert.Equal(first.AcceptedCount, again.AcceptedCount);
        Assert.Equal(3, await CountOrdersAsync());
        var missing = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.GetOrderAsync(new GetOrderRequest { OrderId = "O-4" }, deadline: Deadlines.Soon));
        Assert.Equal(StatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Bad_orders_are_rejected_one_by_one_and_the_good_ones_stored()
    {
        var batch = Batch("B-mixed", orders:
        [
            Order("ok-1", "H-L1-A-1", (BundleKind.Vegetable, 1)),
            Order("unknown-household", "H-nowhere", (BundleKind.Vegetable, 1)),
            Order("other-grid", "H-L1-B-1", (BundleKind.Vegetable, 1)),
            Order("zero", "H-L1-A-2", (BundleKind.Vegetable, 0)),
            Order("negative", "H-L1-A-3", (BundleKind.Vegetable, -2)),
            Order("unknown-bundle", "H-L1-A-4", (BundleKind.Unspecified, 1)),
            Order("no-lines", "H-L1-A-5"),
            Order("ok-1", "H-L1-A-5", (BundleKind.Vegetable, 1)),
            Order("ok-2", "H-L1-A-5", (BundleKind.Medicine, 3)),
        ]);

        var result = await _client.SubmitBatchAsync(batch, deadline: Deadlines.Soon);

        Assert.Equal(2, result.AcceptedCount);
        var byIndex = result.Rejected.ToDictionary(r => r.Index);
        Assert.Equal(new[] { 1, 2, 3, 4, 5, 6, 7 }, byIndex.Keys.Order().ToArray());
        Assert.Contains("unknown household", byIndex[1].Reason);
        Assert.Contains("not the batch's grid", byIndex[2].Reason);
        Assert.Equal("orders[3].lines[0].quantity", byIndex[3].Field);
        Assert.Equal("orders[4].lines[0].quantity", byIndex[4].Field);
        Assert.Contains("unknown bundle kind", byIndex[5].Reason);
        Assert.Equal("orders[6].lines", byIndex[6].Field);
        Assert.Contains("more than once", byIndex[7].Reason);
        Assert.Equal(2, await CountOrdersAsync());
    }

    [Theory]
    [InlineData("SM9", "L1-A", 1, "supermarket_id")]
    [InlineData("SM1", "L9", 1, "grid_id")]
    [InlineData("SM1", "L1", 1, "grid_id")]
    [InlineData("SM1", "L1-A", 0, "day")]
    [InlineData("", "L1-A", 1, "supermarket_id")]
    public async Task Batch_wrong_as_a_whole_is_invalid_argument_with_field_violations_and_stores_nothing(string supermarketId, string gridId, int day, string field)
    {
        var batch = Batch("B-bad", gridId, supermarketId, day, Order("O-1", "H-L1-A-1", (BundleKind.Vegetable, 1)));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.SubmitBatchAsync(batch, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var badRequest = error.GetRpcStatus()?.GetDetail<BadRequest>();
        Assert.NotNull(badRequest);
        Assert.Contains(badRequest!.FieldViolations, v => v.Field == field);
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public async Task Empty_and_oversize_batches_are_refused_whole()
    {
        var empty = Batch("B-empty");
        var oversize = Batch("B-big", orders: Enumerable.Range(0, _server.MaxOrdersPerBatch + 1)
            .Select(i => Order($"O-{i}", "H-L1-A-1", (BundleKind.Vegetable, 1))).ToArray());

        var emptyError = await Assert.ThrowsAsync<RpcException>(async () => await _client.SubmitBatchAsync(empty, deadline: Deadlines.Soon));
        var bigError = await Assert.ThrowsAsync<RpcException>(async () => await _client.SubmitBatchAsync(oversize, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.InvalidArgument, emptyError.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, bigError.StatusCode);
        Assert.Contains("at most 50", bigError.Status.Detail);
        Assert.Equal(0, await CountOrdersAsync());

        // A refused batch leaves no answer behind: the same id can be sent again, corrected.
        var corrected = await _client.SubmitBatchAsync(Batch("B-big", orders: Order("O-1", "H-L1-A-1", (BundleKind.Vegetable, 1))), deadline: Deadlines.Soon);
        Assert.False(corrected.Replayed);
        Assert.Equal(1, corrected.AcceptedCount);
    }

    [Fact]
    public async Task Order_id_stored_by_another_batch_is_rejected_and_the_rest_stored()
    {
        await _client.SubmitBatchAsync(ValidBatch("B-1"), deadline: Deadlines.Soon);

        var second = await _client.SubmitBatchAsync(
            Batch("B-2", orders: [Order("O-1", "H-L1-A-4", (BundleKind.Vegetable, 1)), Order("O-9", "H-L1-A-5", (BundleKind.Vegetable, 1))]),
            deadline: Deadlines.Soon);

        Assert.Equal(1, second.AcceptedCount);
        var rejection = Assert.Single(second.Rejected);
        Assert.Equal("O-1", rejection.OrderId);
        Assert.Contains("already stored", rejection.Reason);
        var original = await _client.GetOrderAsync(new GetOrderRequest { OrderId = "O-1" }, deadline: Deadlines.Soon);
        Assert.Equal("B-1", original.BatchId);
        Assert.Equal(4, await CountOrdersAsync());
    }

    [Fact]
    public async Task Streamed_push_answers_every_batch_in_order_and_survives_a_bad_one()
    {
        using var call = _client.PushOrders(deadline: Deadlines.Soon);
        const int batches = 20;
        for (int b = 0; b < batches; b++)
        {
            string grid = b % 2 == 0 ? "L1-A" : "L1-B";
            var batch = b == 7
                ? Batch($"S-{b}", "L9", orders: Order($"S-{b}-x", "H-L1-A-1", (BundleKind.Vegetable, 1)))
                : Batch($"S-{b}", grid, grid == "L1-A" ? "SM1" : "SM2", orders: Enumerable.Range(1, 5).Select(h => Order($"S-{b}-{h}", $"H-{grid}-{h}", (BundleKind.Vegetable, 1))).ToArray());
            await call.RequestStream.WriteAsync(batch);
        }

        await call.RequestStream.CompleteAsync();
        var answers = new List<BatchResult>();
        await foreach (var answer in call.ResponseStream.ReadAllAsync())
        {
            answers.Add(answer);
        }

        Assert.Equal(Enumerable.Range(0, batches).Select(b => $"S-{b}"), answers.Select(a => a.BatchId));
        Assert.Contains(answers[7].BatchViolations, v => v.Field == "grid_id");
        Assert.All(answers.Where((_, i) => i != 7), a => Assert.Equal(5, a.AcceptedCount));
        Assert.Equal((batches - 1) * 5, await CountOrdersAsync());
    }

    [Fact]
    public async Task Listing_pages_through_every_match_once_and_filters()
    {
        await _client.SubmitBatchAsync(ValidBatch("B-1"), deadline: Deadlines.Soon);
        await _client.SubmitBatchAsync(
            Batch("B-2", "L1-B", "SM2", 2, Order("P-1", "H-L1-B-1", (BundleKind.Vegetable, 1)), Order("P-2", "H-L1-B-2", (BundleKind.Vegetable, 1))),
            deadline: Deadlines.Soon);

        var seen = new List<string>();
        string token = "";
        int pages = 0;
        do
        {
            var page = await _client.ListOrdersAsync(new ListOrdersRequest { PageSize = 2, PageToken = token }, deadline: Deadlines.Soon);
            seen.AddRange(page.Orders.Select(o => o.OrderId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0);

        Assert.Equal(3, pages);
        Assert.Equal(new[] { "O-1", "O-2", "O-3", "P-1", "P-2" }, seen);

        var bySupermarket = await _client.ListOrdersAsync(new ListOrdersRequest { SupermarketId = "SM2" }, deadline: Deadlines.Soon);
        Assert.Equal(new[] { "P-1", "P-2" }, bySupermarket.Orders.Select(o => o.OrderId));
        var byGridAndDay = await _client.ListOrdersAsync(new ListOrdersRequest { GridId = "L1-A", Day = 1, Status = OrderStatus.Received }, deadline: Deadlines.Soon);
        Assert.Equal(3, byGridAndDay.Orders.Count);
        var noneOnDay = await _client.ListOrdersAsync(new ListOrdersRequest { GridId = "L1-A", Day = 2 }, deadline: Deadlines.Soon);
        Assert.Empty(noneOnDay.Orders);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("bm9wZQ")]
    public async Task Forged_page_token_is_invalid_argument(string token)
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.ListOrdersAsync(new ListOrdersRequest { PageToken = token }, deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
    }

    [Fact]
    public async Task Unknown_order_is_not_found_and_empty_id_is_invalid()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.GetOrderAsync(new GetOrderRequest { OrderId = "nope" }, deadline: Deadlines.Soon));
        var empty = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.GetOrderAsync(new GetOrderRequest(), deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }
}
