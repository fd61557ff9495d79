using Dispatch.Contracts.V1;
using Grpc.Core;
using DomainBatch = Dispatch.Domain.Orders.OrderBatch;

namespace Dispatch.Cli.Intake;

/// <summary>
/// Pushes batches over one PushOrders stream without waiting for each answer (HTTP/2 flow control bounds
/// what is in flight), and tallies the answers. Batches never acknowledged are listed so they can be pushed
/// again: batch ids make that safe.
/// </summary>
public sealed class OrderPusher(OrderIntake.OrderIntakeClient client)
{
    public async Task<PushSummary> PushAsync(IEnumerable<DomainBatch> batches, Action<BatchResult>? onAnswer, CancellationToken cancellationToken)
    {
        using var call = client.PushOrders(cancellationToken: cancellationToken);
        var answers = new List<BatchResult>();
        var sent = new List<string>();
        var reading = Task.Run(async () =>
        {
            await foreach (var answer in call.ResponseStream.ReadAllAsync(cancellationToken))
            {
                answers.Add(answer);
                onAnswer?.Invoke(answer);
            }
        }, cancellationToken);

        RpcException? failure = null;
        try
        {
            foreach (var batch in batches)
            {
                sent.Add(batch.BatchId);
                await call.RequestStream.WriteAsync(OrderBatchMessage.From(batch), cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            await reading;
        }
        catch (Exception e) when (e is RpcException || (e is OperationCanceledException or InvalidOperationException && !cancellationToken.IsCancellationRequested))
        {
            // The server ended the call while batches were still being written (a refused key, a full server): the
            // write fails with the status, or, when the stream was torn down mid-write, as cancelled. The reader ends
            // with the server's status either way, and the answers that did arrive count.
            failure = e as RpcException;
            try
            {
                await reading;
            }
            catch (RpcException readFailure)
            {
                failure = readFailure;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            if (failure is null)
            {
                throw;
            }
        }

        var acknowledged = answers.Select(a => a.BatchId).ToHashSet(StringComparer.Ordinal);
        return new PushSummary(
            answers.Count,
            answers.Sum(a => a.AcceptedCount),
            answers.Sum(a => a.Rejected.Count),
            answers.Count(a => a.BatchViolations.Count > 0),
            answers.Count(a => a.Replayed),
            sent.Where(id => !acknowledged.Contains(id)).ToList(),
            answers.Where(a => a.Rejected.Count > 0 || a.BatchViolations.Count > 0).ToList(),
            failure?.Status);
    }
}

/// <summary>What a push achieved, and what still needs pushing.</summary>
public sealed record PushSummary(
    int BatchesAnswered,
    int OrdersAccepted,
    int OrdersRejected,
    int BatchesRefused,
    int BatchesReplayed,
    IReadOnlyList<string> UnacknowledgedBatchIds,
    IReadOnlyList<BatchResult> AnswersWithProblems,
    Status? StreamFailure);
