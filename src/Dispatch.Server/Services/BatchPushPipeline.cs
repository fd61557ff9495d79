using System.Threading.Channels;
using Dispatch.Contracts.V1;
using Dispatch.Server.Auth;
using Grpc.Core;

namespace Dispatch.Server.Services;

/// <summary>
/// One <c>PushOrders</c> stream, for a single server and a cluster's silo alike: each batch read is admitted for the
/// caller, then answered while the next ones are read (up to <see cref="BatchesInFlight"/> at once); answers keep
/// request order.
/// </summary>
public static class BatchPushPipeline
{
    public const int BatchesInFlight = 16;

    public static async Task RunAsync(
        IAsyncStreamReader<OrderBatch> requestStream, IServerStreamWriter<BatchResult> responseStream, ServerCallContext context, Func<OrderBatch, Task<BatchResult>> answer)
    {
        var caller = context.GetCaller();

        // If replying fails (client gone), reading stops too instead of blocking on a full channel.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        var answers = Channel.CreateBounded<Task<BatchResult>>(BatchesInFlight);
        var replying = Task.Run(async () =>
        {
            try
            {
                await foreach (var next in answers.Reader.ReadAllAsync(context.CancellationToken))
                {
                    await responseStream.WriteAsync(await next, context.CancellationToken);
                }
            }
            finally
            {
                // Past a normal end this changes nothing (reading is done); after a failure it unblocks reading.
                stop.Cancel();
            }
        });

        try
        {
            await foreach (var batch in requestStream.ReadAllAsync(stop.Token))
            {
                // A batch for another supermarket ends the stream; the batches before it are still answered.
                caller.EnsureSupermarket(batch.SupermarketId);
                await answers.Writer.WriteAsync(Task.Run(() => answer(batch)), stop.Token);
            }
        }
        finally
        {
            // Batches already read are answered before the call ends, whatever ended the reading.
            answers.Writer.TryComplete();
            await replying;
        }
    }
}
