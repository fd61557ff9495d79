using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;
using Grpc.Net.Client;
using Xunit.Abstractions;

namespace Dispatch.Server.Tests;

/// <summary>
/// Nothing of a request is read before its key is known: callers without a key cannot make the server hold their
/// messages. The real server as a child process, so its working set is its own.
/// </summary>
public sealed class UnauthenticatedMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const int Calls = 25;
    private const int MessageBytes = 15 * 1024 * 1024;
    private const long AllowedGrowthBytes = 100L * 1024 * 1024;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public async Task Concurrent_15_MB_calls_without_a_key_are_unauthenticated_and_leave_the_working_set_near_idle()
    {
        ScenarioFiles.Save(TinyDistrict.Create(), Path.Combine(_folder, "scenario"));
        using var server = await ServerProcess.StartAsync(Path.Combine(_folder, "dispatch.db"), Path.Combine(_folder, "scenario"), TimeSpan.FromSeconds(30), withKeys: true);
        long idle = WorkingSet(server);

        // One order whose household id is 15 MB: a well-formed message under Intake:MaxReceiveMessageBytes (16 MiB).
        var batch = Batches.Valid("B-big", count: 1);
        batch.Orders[0].HouseholdId = new string('x', MessageBytes);
        using var channel = GrpcChannel.ForAddress(server.Address, new GrpcChannelOptions { MaxSendMessageSize = null });
        var client = new OrderIntake.OrderIntakeClient(channel);
        using var sampling = new CancellationTokenSource();
        var peak = Task.Run(async () =>
        {
            long highest = 0;
            while (!sampling.IsCancellationRequested)
            {
                highest = Math.Max(highest, WorkingSet(server));
                await Task.Delay(10);
            }

            return highest;
        });

        var statuses = await Task.WhenAll(Enumerable.Range(0, Calls).Select(async _ =>
        {
            var error = await Assert.ThrowsAsync<RpcException>(async () => await client.SubmitBatchAsync(batch, deadline: DateTime.UtcNow.AddSeconds(60)));
            return error.StatusCode;
        }));
        await sampling.CancelAsync();
        long highestDuring = await peak;
        long after = WorkingSet(server);

        output.WriteLine($"working set: idle {idle / 1048576} MiB, highest during {Calls} calls {highestDuring / 1048576} MiB, after {after / 1048576} MiB");
        Assert.All(statuses, s => Assert.Equal(StatusCode.Unauthenticated, s));
        Assert.True(highestDuring - idle < AllowedGrowthBytes, $"working set rose from {idle / 1048576} MiB to {highestDuring / 1048576} MiB during the calls");
        Assert.True(after - idle < AllowedGrowthBytes, $"working set {after / 1048576} MiB after the calls, {idle / 1048576} MiB idle");
    }

    private static long WorkingSet(ServerProcess server)
    {
        server.Process.Refresh();
        return server.Process.WorkingSet64;
    }
}
