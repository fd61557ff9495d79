using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Dispatch.Server.Tests.Infrastructure;
using Grpc.Core;

namespace Dispatch.Server.Tests;

/// <summary>The real server as a child process: killed hard mid-push, stopped with SIGTERM, restarted on the same file.</summary>
public sealed class ProcessLifecycleTests : IDisposable
{
    private const int OrdersPerBatch = 5;
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(30);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "dispatch-tests", Guid.NewGuid().ToString("N"));

    public ProcessLifecycleTests()
    {
        ScenarioFiles.Save(TinyDistrict.Create(), ScenarioPath);
    }

    private string ScenarioPath => Path.Combine(_folder, "scenario");

    private string DatabasePath => Path.Combine(_folder, "dispatch.db");

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

    private static List<OrderBatch> Workload(int count) => Enumerable.Range(0, count)
        .Select(b => b % 2 == 0 ? Batches.Valid($"D-{b}", "SM1", "L1-A", OrdersPerBatch) : Batches.Valid($"D-{b}", "SM2", "L1-B", OrdersPerBatch))
        .ToList();

    /// <summary>Pushes every batch on one stream and returns the answers read until the stream ended, normally or not.</summary>
    private static async Task<(List<BatchResult> Answers, RpcException? Ended)> PushAsync(
        ServerProcess server, IReadOnlyList<OrderBatch> batches, int interruptAfter = int.MaxValue, Func<Task>? interrupt = null)
    {
        using var call = server.CreateIntakeClient().PushOrders(deadline: DateTime.UtcNow.AddSeconds(60));
        var interrupted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // Hold back the rest of the push until the interruption: on a fast machine the server would otherwise answer
        // every batch before the interruption lands, and the test would interrupt a push that is already over.
        int holdBackAfter = interruptAfter == int.MaxValue ? int.MaxValue : interruptAfter + 5;
        var writing = Task.Run(async () =>
        {
            for (int i = 0; i < batches.Count; i++)
            {
                if (i == holdBackAfter)
                {
                    await interrupted.Task.WaitAsync(TimeSpan.FromSeconds(60));
                }

                await call.RequestStream.WriteAsync(batches[i]);
            }

            await call.RequestStream.CompleteAsync();
        });

        var answers = new List<BatchResult>();
        try
        {
            while (await call.ResponseStream.MoveNext())
            {
                answers.Add(call.ResponseStream.Current);
                if (answers.Count == interruptAfter)
                {
                    await interrupt!();
                    interrupted.TrySetResult();
                }
            }
        }
        catch (RpcException e)
        {
            // The writer fails too once the stream is gone; its error says nothing more.
            await Record.ExceptionAsync(() => writing.WaitAsync(TimeSpan.FromSeconds(10)));
            return (answers, e);
        }

        await writing;
        return (answers, null);
    }

    private static async Task<List<Order>> ListEveryOrderAsync(ServerProcess server)
    {
        var client = server.CreateIntakeClient();
        var orders = new List<Order>();
        var request = new ListOrdersRequest { PageSize = 1000 };
        do
        {
            var page = await client.ListOrdersAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
            orders.AddRange(page.Orders);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return orders;
    }

    [Fact]
    public async Task Killed_mid_push_keeps_every_acknowledged_batch_and_repushing_completes_the_set_exactly()
    {
        var batches = Workload(150);
        List<BatchResult> acknowledged;
        using (var server = await ServerProcess.StartAsync(DatabasePath, ScenarioPath, s_startTimeout))
        {
            (acknowledged, var ended) = await PushAsync(server, batches, interruptAfter: 20, interrupt: () =>
            {
                server.KillHard();
                return Task.CompletedTask;
            });

            Assert.NotNull(ended);
            Assert.InRange(acknowledged.Count, 20, batches.Count - 1);
        }

        using (var restarted = await ServerProcess.StartAsync(DatabasePath, ScenarioPath, s_startTimeout))
        {
            var stored = await ListEveryOrderAsync(restarted);
            var ids = stored.Select(o => o.OrderId).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            foreach (var answer in acknowledged)
            {
                Assert.Equal(OrdersPerBatch, answer.AcceptedCount);
                Assert.Equal(OrdersPerBatch, stored.Count(o => o.BatchId == answer.BatchId));
            }

            // Unacknowledged batches are on disk whole or not at all.
            Assert.All(stored.GroupBy(o => o.BatchId), g => Assert.Equal(OrdersPerBatch, g.Count()));

            var (answers, failure) = await PushAsync(restarted, batches);

            Assert.Null(failure);
            Assert.Equal(batches.Select(b => b.BatchId), answers.Select(a => a.BatchId));
            var acknowledgedIds = acknowledged.Select(a => a.BatchId).ToHashSet();
            Assert.All(answers.Where(a => acknowledgedIds.Contains(a.BatchId)), a => Assert.True(a.Replayed));
            var complete = await ListEveryOrderAsync(restarted);
            Assert.Equal(
                batches.SelectMany(b => b.Orders.Select(o => o.OrderId)).Order(StringComparer.Ordinal),
                complete.Select(o => o.OrderId).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task Sigterm_ends_an_open_push_with_unavailable_exits_cleanly_and_restart_picks_up()
    {
        var batches = Workload(40);
        var first = batches.Take(20).ToList();
        using (var server = await ServerProcess.StartAsync(DatabasePath, ScenarioPath, s_startTimeout))
        {
            using var call = server.CreateIntakeClient().PushOrders(deadline: DateTime.UtcNow.AddSeconds(60));
            foreach (var batch in first)
            {
                await call.RequestStream.WriteAsync(batch);
            }

            for (int i = 0; i < first.Count; i++)
            {
                Assert.True(await call.ResponseStream.MoveNext());
            }

            // The stream is still open (not completed by the client) when the stop comes.
            var terminating = server.TerminateAsync(TimeSpan.FromSeconds(20));
            var ended = await Assert.ThrowsAsync<RpcException>(async () => await call.ResponseStream.MoveNext());
            int exitCode = await terminating;

            Assert.Equal(0, exitCode);
            // Seen once in CI (INTERNAL): the server ended the call and closed, and the reset of the closed socket
            // overtook the client's read. The client sees a transport failure and reconnects just the same.
            bool transportReset = ended.StatusCode == StatusCode.Internal && ended.Status.DebugException is IOException or HttpRequestException;
            if (!transportReset)
            {
                Assert.True(ended.StatusCode == StatusCode.Unavailable, $"ended with {ended.Status}\n{server.Output}");
                Assert.Contains("shutting down", ended.Status.Detail);
            }
        }

        using (var restarted = await ServerProcess.StartAsync(DatabasePath, ScenarioPath, s_startTimeout))
        {
            var (answers, failure) = await PushAsync(restarted, batches);

            Assert.Null(failure);
            Assert.Equal(20, answers.Count(a => a.Replayed));
            Assert.Equal(batches.Count * OrdersPerBatch, (await ListEveryOrderAsync(restarted)).Count);
        }
    }
}
