using System.Threading.Channels;

namespace Dispatch.Server.Live;

/// <summary>One watcher's buffer of order events.</summary>
public sealed class OrderWatch(Action<OrderWatch> unsubscribe) : IDisposable
{
    private readonly Channel<OrderEvent> _events = Channel.CreateBounded<OrderEvent>(
        new BoundedChannelOptions(OrderEventHub.BufferPerWatcher) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private long _dropped;

    public ChannelReader<OrderEvent> Reader => _events.Reader;

    /// <summary>Events lost since the last call.</summary>
    public long TakeDropped() => Interlocked.Exchange(ref _dropped, 0);

    internal void Offer(OrderEvent orderEvent)
    {
        if (_events.Reader.Count >= OrderEventHub.BufferPerWatcher)
        {
            Interlocked.Increment(ref _dropped);
        }

        _events.Writer.TryWrite(orderEvent);
    }

    public void Dispose() => unsubscribe(this);
}
