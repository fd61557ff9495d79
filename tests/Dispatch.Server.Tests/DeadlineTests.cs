using Dispatch.Contracts.V1;
using Dispatch.Server.Tests.Infrastructure;
using Dispatch.Storage;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Dispatch.Server.Tests;

public sealed class DeadlineTests : IDisposable
{
    private const int BigBatch = 10_000;
    private readonly DispatchServerFactory _server = new() { MaxOrdersPerBatch = BigBatch };
    private readonly OrderIntake.OrderIntakeClient _client;

    public DeadlineTests()
    {
        _client = _server.CreateIntakeClient(TestKeys.Sm1);
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Call_with_a_tiny_deadline_is_deadline_exceeded_writes_whole_batches_only_and_the_server_keeps_serving()
    {
        // Validating and storing 10,000 orders takes far longer than 20 ms (the upload far less), so the deadline passes mid-work.
        var error = await Assert.ThrowsAsync<RpcException>(async () =>
            await _client.SubmitBatchAsync(Batches.Valid("B-late", count: BigBatch), deadline: DateTime.UtcNow.AddMilliseconds(20)));

        Assert.True(error.StatusCode == StatusCode.DeadlineExceeded, error.ToString());
        var after = await _client.SubmitBatchAsync(Batches.Valid("B-after"), deadline: Deadlines.Soon);
        Assert.Equal(3, after.AcceptedCount);
        // The late batch is on disk whole (it committed just before the cancellation) or not at all.
        int stored = await _server.Services.GetRequiredService<OrderStore>().CountOrdersAsync(CancellationToken.None);
        Assert.Contains(stored, new[] { 3, 3 + BigBatch });
    }
}
