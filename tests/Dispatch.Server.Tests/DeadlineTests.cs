using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

/// <summary>On a real port: TestServer turns the server's reset at the deadline into INTERNAL, which no real client sees.</summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    private const int BigBatch = 10_000;
    private LoopbackServer _server = null!;
    private OrderIntake.OrderIntakeClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await LoopbackServer.StartAsync([$"--Intake:MaxOrdersPerBatch={BigBatch}"]);
        _client = new OrderIntake.OrderIntakeClient(_server.CreateInvoker(TestKeys.Sm1));
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Call_with_a_tiny_deadline_is_deadline_exceeded_writes_whole_batches_only_and_the_server_keeps_serving()
    {
        // Validating and storing 10,000 orders takes far longer than 20 ms, so the deadline passes mid-work.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.SubmitBatchAsync(Batches.Valid("B-late", count: BigBatch), deadline: DateTime.UtcNow.AddMilliseconds(20)));

        // Under load the server's own deadline can reset the stream (HTTP/2 CANCEL) before the client's timer fires: the
        // client, which cancels nothing itself here, then reads CANCELLED. Either way the deadline ended the call.
        bool serverReset = error.StatusCode == StatusCode.Cancelled && error.Status.DebugException is HttpRequestException { InnerException: HttpProtocolException };
        Assert.True(error.StatusCode == StatusCode.DeadlineExceeded || serverReset, error.ToString());
        var after = await _client.SubmitBatchAsync(Batches.Valid("B-after"), deadline: Deadlines.Soon);
        Assert.Equal(3, after.AcceptedCount);

        // The late batch is on disk whole (it committed just before the cancellation) or not at all.
        int stored = await _server.App.Services.GetRequiredService<OrderStore>().CountOrdersAsync(CancellationToken.None);
        Assert.Contains(stored, new[] { 3, 3 + BigBatch });
    }
}
