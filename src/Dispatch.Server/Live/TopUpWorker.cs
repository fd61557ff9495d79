using Dispatch.Domain.Orders;
using Dispatch.Server.Events;

namespace Dispatch.Server.Live;

/// <summary>
/// Live dispatch's subscription to intake: orders stored for the day being delivered top up their gates (others
/// are skipped). Everything stored meanwhile goes in one go, so a burst of batches for a gate costs one re-plan of
/// it, not one per batch. Each burst ends with a <see cref="TopUpCompleted"/> on <see cref="LiveWork.Done"/>.
/// </summary>
public sealed class TopUpWorker(EventFeed<OrdersStored> stored, ILiveDispatch live, LiveWork work, ILogger<TopUpWorker> logger) : BackgroundService
{
    // Subscribed when the host builds its services, before intake takes any batch.
    private readonly EventSubscription<OrdersStored> _stored = stored.Subscribe();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = _stored;
        var reader = subscription.Reader;
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            var orders = new List<Order>();
            while (reader.TryRead(out var batch))
            {
                orders.AddRange(batch.Orders);
            }

            try
            {
                work.Ended(new TopUpCompleted(orders, await live.TopUpAsync(orders, stoppingToken)));
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // The orders are stored: a failed top-up leaves them for the next district plan, it loses nothing.
                LiveDispatchLog.TopUpFailed(logger, orders.Count, e);
                work.Ended(new TopUpCompleted(orders, 0, e));
            }
        }
    }
}
