using System.Diagnostics;
using Dispatch.Contracts.V1;
using Dispatch.Domain.Scenarios;
using Grpc.Core;

namespace Dispatch.Cli.Bench;

/// <summary>
/// A supermarket pushing batches of one grid's households over one PushOrders stream, a few batches in flight;
/// latency is from writing a batch to reading its answer (answers come in order).
/// </summary>
public sealed class SupermarketPushClient(int client, string supermarketId, Scenario scenario, int batchSize, int maxBatches) : ILoadClient
{
    private const int BatchesInFlight = 8;

    public string Kind => "supermarket push";

    public async Task RunAsync(CallInvoker invoker, LoadTally tally, DateTime until, CancellationToken cancellationToken)
    {
        // A supermarket pushes only for the grids it serves.
        var served = scenario.Grids.Where(g => g.AssignedSupermarketId == supermarketId).Select(g => g.Id).ToHashSet(StringComparer.Ordinal);
        var grids = scenario.Households.Where(h => served.Contains(h.GridId)).GroupBy(h => h.GridId)
            .Select(g => g.ToList()).OrderBy(g => g[0].GridId, StringComparer.Ordinal).ToList();
        using var streamFailed = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var call = new OrderIntake.OrderIntakeClient(invoker).PushOrders(cancellationToken: cancellationToken);
        using var inFlight = new SemaphoreSlim(BatchesInFlight);
        var sentAt = new System.Collections.Concurrent.ConcurrentQueue<(long Ticks, int Orders)>();

        var reading = Task.Run(async () =>
        {
            try
            {
                await ReadAnswersAsync();
            }
            catch (RpcException e)
            {
                // The writer must not wait for answers that will never come.
                tally.Failed($"stream {client}: {e.StatusCode} {e.Status.Detail}");
                await streamFailed.CancelAsync();
            }
        }, cancellationToken);

        async Task ReadAnswersAsync()
        {
            await foreach (var answer in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                sentAt.TryDequeue(out var sent);
                inFlight.Release();
                if (answer.BatchViolations.Count > 0 || answer.Rejected.Count > 0)
                {
                    tally.Failed($"batch {answer.BatchId}: {answer.BatchViolations.Count} batch violations, {answer.Rejected.Count} rejected orders");
                    continue;
                }

                tally.Done(answer.AcceptedCount, Stopwatch.GetElapsedTime(sent.Ticks));
            }
        }

        try
        {
            for (int sequence = 0; sequence < maxBatches && DateTime.UtcNow < until; sequence++)
            {
                await inFlight.WaitAsync(streamFailed.Token);
                var households = grids[(client + sequence) % grids.Count];
                var batch = new OrderBatch
                {
                    SupermarketId = supermarketId,
                    BatchId = $"load-{client}-{sequence}",
                    GridId = households[0].GridId,
                    Day = 1 + (sequence % 300),
                };
                for (int i = 0; i < Math.Min(batchSize, households.Count); i++)
                {
                    var order = new OrderInput { OrderId = $"load-{client}-{sequence}-{i}", HouseholdId = households[i].Id };
                    order.Lines.Add(new BundleLine { Kind = BundleKind.Vegetable, Quantity = 1 });
                    batch.Orders.Add(order);
                }

                sentAt.Enqueue((Stopwatch.GetTimestamp(), batch.Orders.Count));
                await call.RequestStream.WriteAsync(batch, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            await reading;
        }
        catch (RpcException) when (streamFailed.IsCancellationRequested || reading.IsCompleted)
        {
            // Already counted by the reader.
        }
        catch (RpcException e)
        {
            tally.Failed($"stream {client}: {e.StatusCode} {e.Status.Detail}");
        }
        catch (OperationCanceledException) when (streamFailed.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            // The reader saw the stream fail and counted it.
        }
    }
}
