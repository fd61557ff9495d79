using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

public sealed class LimitsTests : IDisposable
{
    private const int MaxMessageBytes = 64 * 1024;
    private readonly DispatchServerFactory _server = new() { MaxReceiveMessageBytes = MaxMessageBytes, MaxOrdersPerBatch = 20, MaxConcurrentStreamsPerKey = 1 };
    private readonly OrderIntake.OrderIntakeClient _client;

    public LimitsTests()
    {
        _client = _server.CreateIntakeClient(TestKeys.Sm1);
    }

    public void Dispose() => _server.Dispose();

    private async Task<List<Order>> StoredOrdersAsync() =>
        (await _server.CreateIntakeClient().ListOrdersAsync(new ListOrdersRequest { PageSize = 1000 }, deadline: Deadlines.Soon)).Orders.ToList();

    private static OrderBatch Oversize(string batchId)
    {
        var batch = Batches.Valid(batchId);
        batch.Orders[0].HouseholdId = new string('x', MaxMessageBytes + 1);
        return batch;
    }

    private async Task AssertStillServingAsync(string batchId)
    {
        var result = await _client.SubmitBatchAsync(Batches.Valid(batchId), deadline: Deadlines.Soon);
        Assert.Equal(3, result.AcceptedCount);
    }

    [Fact]
    public async Task Oversize_message_is_resource_exhausted_and_the_server_keeps_serving()
    {
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.SubmitBatchAsync(Oversize("B-big"), deadline: Deadlines.Soon));

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Empty(await StoredOrdersAsync());
        await AssertStillServingAsync("B-after");
    }

    [Fact]
    public async Task Oversize_message_in_a_stream_ends_it_with_resource_exhausted_after_answering_the_batches_before()
    {
        using var call = _client.PushOrders(deadline: Deadlines.Soon);
        await call.RequestStream.WriteAsync(Batches.Valid("B-1"));
        Assert.True(await call.ResponseStream.MoveNext());
        // The server may end the call while the big message is still going out: the write can fail, the status tells why.
        await Record.ExceptionAsync(async () => await call.RequestStream.WriteAsync(Oversize("B-big")));

        var error = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Equal(3, (await StoredOrdersAsync()).Count);
        await AssertStillServingAsync("B-after");
    }

    [Fact]
    public async Task Batch_at_the_order_limit_is_stored_and_one_more_order_refuses_it_whole()
    {
        var atLimit = await _client.SubmitBatchAsync(Batches.Valid("B-20", count: 20), deadline: Deadlines.Soon);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await _client.SubmitBatchAsync(Batches.Valid("B-21", count: 21), deadline: Deadlines.Soon));

        Assert.Equal(20, atLimit.AcceptedCount);
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("at most 20", error.Status.Detail);
        Assert.Equal(20, (await StoredOrdersAsync()).Count);
    }

    [Fact]
    public async Task Stream_past_its_deadline_stops_frees_its_slot_and_leaves_whole_batches()
    {
        // The limit is one stream per key: the second stream works only if the first one's slot was released.
        var quota = _server.Services.GetRequiredService<StreamQuota>();
        using (var call = _client.PushOrders(deadline: DateTime.UtcNow.AddMilliseconds(500)))
        {
            // About time itself: batches go at a steady pace until the stream's deadline cuts it.
            var error = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                for (int b = 0; ; b++)
                {
                    await call.RequestStream.WriteAsync(Batches.Valid($"S-{b}"));
                    await Task.Delay(20);
                }
            });
            Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        }

        var stored = await StoredOrdersAsync();
        Assert.All(stored.GroupBy(o => o.BatchId), g => Assert.Equal(3, g.Count()));

        // The slot is freed when the server has unwound the call, a moment after the client saw the deadline: a
        // stream refused before then tries again once a slot is given back.
        while (true)
        {
            var released = quota.NextRelease;
            using var next = _client.PushOrders(deadline: Deadlines.Soon);
            await Record.ExceptionAsync(async () =>
            {
                await next.RequestStream.WriteAsync(Batches.Valid("B-next"));
                await next.RequestStream.CompleteAsync();
            });
            var refused = await Record.ExceptionAsync(async () => Assert.True(await next.ResponseStream.MoveNext()));
            if (refused is RpcException { StatusCode: StatusCode.ResourceExhausted })
            {
                await released.WaitAsync(TimeSpan.FromSeconds(10));
                continue;
            }

            Assert.Null(refused);
            Assert.Equal(3, next.ResponseStream.Current.AcceptedCount);
            break;
        }
    }
}
