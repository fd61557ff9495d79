using System.Threading.Channels;
using Dispatch.Domain.Orders;

namespace Dispatch.Server.Live;

/// <summary>
/// Orders stored for the day being delivered, waiting for their gate's top-up. Intake only enqueues, so a batch's
/// answer never waits for a re-plan; <see cref="TopUpWorker"/> takes them off in bursts.
/// </summary>
public sealed class TopUpQueue
{
    private readonly Channel<IReadOnlyList<Order>> _orders = Channel.CreateUnbounded<IReadOnlyList<Order>>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<IReadOnlyList<Order>> Reader => _orders.Reader;

    public void Enqueue(IReadOnlyList<Order> orders)
    {
        if (orders.Count > 0)
        {
            _orders.Writer.TryWrite(orders);
        }
    }
}
