using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>
/// Tops up gates with the orders that arrived after their day was planned. Everything queued meanwhile goes in one
/// go, so a burst of batches for a gate costs one re-plan of it, not one per batch.
/// </summary>
public sealed class TopUpWorker(TopUpQueue queue, ILiveDispatch live, ILogger<TopUpWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = queue.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var orders = new List<Order>();
            while (reader.TryRead(out var batch))
            {
                orders.AddRange(batch);
            }

            try
            {
                await live.TopUpAsync(orders, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The orders are stored: a failed top-up leaves them for the next district plan, it loses nothing.
                LiveDispatchLog.TopUpFailed(logger, orders.Count, e);
            }
        }
    }
}
