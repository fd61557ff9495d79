using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Health.V1;

namespace Dispatch.Server.Tests;

public sealed class AuthTests : IDisposable
{
    private readonly DispatchServerFactory _server = new() { MaxConcurrentStreamsPerKey = 2 };

    public void Dispose() => _server.Dispose();

    private async Task<int> CountOrdersAsync()
    {
        var page = await _server.CreateIntakeClient(TestKeys.Admin).ListOrdersAsync(new ListOrdersRequest { PageSize = 1000 }, deadline: Deadlines.Soon);
        return page.Orders.Count;
    }

    private static async Task<StatusCode> StatusOfAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        return error.StatusCode;
    }

    private static async Task<StatusCode> StatusOfPushAsync(OrderIntake.OrderIntakeClient client, OrderBatch batch)
    {
        using var call = client.PushOrders(deadline: Deadlines.Soon);

        // A refused call may end before the write goes out; the response stream carries the status either way.
        await Record.ExceptionAsync(async () =>
        {
            await call.RequestStream.WriteAsync(batch);
            await call.RequestStream.CompleteAsync();
        });
        return await StatusOfAsync(async () =>
        {
            await foreach (var _ in call.ResponseStream.ReadAllAsync())
            {
            }
        });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-such-key")]
    [InlineData("demo-key-admin")]
    public async Task Missing_or_unknown_key_is_unauthenticated_on_every_intake_call(string? key)
    {
        var client = _server.CreateIntakeClient(key);

        Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(async () => await client.SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon)));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOfPushAsync(client, Batches.Valid("B-2")));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(async () => await client.GetOrderAsync(new GetOrderRequest { OrderId = "B-1-1" }, deadline: Deadlines.Soon)));
        Assert.Equal(StatusCode.Unauthenticated, await StatusOfAsync(async () => await client.ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon)));
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public async Task Key_as_bearer_token_is_accepted()
    {
        var client = new OrderIntake.OrderIntakeClient(_server.CreateChannel());
        var headers = new Metadata { { "authorization", $"Bearer {TestKeys.Sm1}" } };

        var result = await client.SubmitBatchAsync(Batches.Valid("B-1"), headers, deadline: Deadlines.Soon);

        Assert.Equal(3, result.AcceptedCount);
    }

    [Fact]
    public async Task Health_answers_without_a_key()
    {
        var health = new Health.HealthClient(_server.CreateInvoker(apiKey: null));

        var reply = await health.CheckAsync(new HealthCheckRequest(), deadline: Deadlines.Soon);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Theory]
    [InlineData(TestKeys.Volunteer)]
    [InlineData(TestKeys.TruckDriver)]
    public async Task Volunteer_and_truck_driver_keys_are_denied_every_intake_call(string key)
    {
        var client = _server.CreateIntakeClient(key);

        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(async () => await client.SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon)));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfPushAsync(client, Batches.Valid("B-2")));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(async () => await client.GetOrderAsync(new GetOrderRequest { OrderId = "B-1-1" }, deadline: Deadlines.Soon)));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(async () => await client.ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon)));
    }

    [Fact]
    public async Task Planner_reads_every_supermarket_but_may_not_submit()
    {
        await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon);
        await _server.CreateIntakeClient(TestKeys.Sm2).SubmitBatchAsync(Batches.Valid("B-2", "SM2", "L1-B"), deadline: Deadlines.Soon);
        var planner = _server.CreateIntakeClient(TestKeys.Planner);

        var all = await planner.ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);
        var other = await planner.GetOrderAsync(new GetOrderRequest { OrderId = "B-2-1" }, deadline: Deadlines.Soon);

        Assert.Equal(6, all.Orders.Count);
        Assert.Equal("SM2", other.SupermarketId);
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfAsync(async () => await planner.SubmitBatchAsync(Batches.Valid("B-3"), deadline: Deadlines.Soon)));
        Assert.Equal(StatusCode.PermissionDenied, await StatusOfPushAsync(planner, Batches.Valid("B-4")));
        Assert.Equal(6, await CountOrdersAsync());
    }

    [Fact]
    public async Task Supermarket_key_submitting_for_another_supermarket_is_denied_and_stores_nothing()
    {
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await sm1.SubmitBatchAsync(Batches.Valid("B-1", "SM2", "L1-B"), deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Contains("SM1", error.Status.Detail);
        Assert.Equal(0, await CountOrdersAsync());
    }

    [Fact]
    public async Task Streamed_batch_for_another_supermarket_ends_the_stream_after_answering_the_earlier_ones()
    {
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);
        using var call = sm1.PushOrders(deadline: Deadlines.Soon);

        await call.RequestStream.WriteAsync(Batches.Valid("B-1"));
        Assert.True(await call.ResponseStream.MoveNext());
        var first = call.ResponseStream.Current;
        await call.RequestStream.WriteAsync(Batches.Valid("B-2", "SM2", "L1-B"));
        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

        Assert.Equal("B-1", first.BatchId);
        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.Equal(3, await CountOrdersAsync());
    }

    [Fact]
    public async Task Supermarket_sees_only_its_own_orders_and_another_ones_order_is_not_found()
    {
        await _server.CreateIntakeClient(TestKeys.Sm1).SubmitBatchAsync(Batches.Valid("B-1"), deadline: Deadlines.Soon);
        await _server.CreateIntakeClient(TestKeys.Sm2).SubmitBatchAsync(Batches.Valid("B-2", "SM2", "L1-B"), deadline: Deadlines.Soon);
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);

        var own = await sm1.GetOrderAsync(new GetOrderRequest { OrderId = "B-1-1" }, deadline: Deadlines.Soon);
        var listed = await sm1.ListOrdersAsync(new ListOrdersRequest(), deadline: Deadlines.Soon);
        var foreign = await Assert.ThrowsAsync<RpcException>(async () => await sm1.GetOrderAsync(new GetOrderRequest { OrderId = "B-2-1" }, deadline: Deadlines.Soon));
        var missing = await Assert.ThrowsAsync<RpcException>(async () => await sm1.GetOrderAsync(new GetOrderRequest { OrderId = "nope" }, deadline: Deadlines.Soon));
        var otherList = await Assert.ThrowsAsync<RpcException>(async () => await sm1.ListOrdersAsync(new ListOrdersRequest { SupermarketId = "SM2" }, deadline: Deadlines.Soon));

        Assert.Equal("SM1", own.SupermarketId);
        Assert.Equal(new[] { "B-1-1", "B-1-2", "B-1-3" }, listed.Orders.Select(o => o.OrderId));
        Assert.Equal(StatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(missing.Status.Detail.Replace("nope", "B-2-1", StringComparison.Ordinal), foreign.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, otherList.StatusCode);
    }

    [Fact]
    public async Task Streams_beyond_the_per_key_limit_are_resource_exhausted_until_one_ends()
    {
        var sm1 = _server.CreateIntakeClient(TestKeys.Sm1);
        var open = new List<AsyncDuplexStreamingCall<OrderBatch, BatchResult>>();
        for (int i = 0; i < 2; i++)
        {
            // An answer proves the stream holds its slot on the server.
            var call = sm1.PushOrders(deadline: Deadlines.Soon);
            await call.RequestStream.WriteAsync(Batches.Valid($"B-{i}"));
            Assert.True(await call.ResponseStream.MoveNext());
            open.Add(call);
        }

        Assert.Equal(StatusCode.ResourceExhausted, await StatusOfPushAsync(sm1, Batches.Valid("B-refused")));
        var otherKey = await _server.CreateIntakeClient(TestKeys.Sm1Second).SubmitBatchAsync(Batches.Valid("B-unary"), deadline: Deadlines.Soon);
        Assert.Equal(3, otherKey.AcceptedCount);

        await open[0].RequestStream.CompleteAsync();
        Assert.False(await open[0].ResponseStream.MoveNext());
        open[0].Dispose();
        using var again = sm1.PushOrders(deadline: Deadlines.Soon);
        await again.RequestStream.WriteAsync(Batches.Valid("B-after"));
        Assert.True(await again.ResponseStream.MoveNext());
        Assert.Equal(3, again.ResponseStream.Current.AcceptedCount);
        await again.RequestStream.CompleteAsync();
        open[1].Dispose();
    }
}
