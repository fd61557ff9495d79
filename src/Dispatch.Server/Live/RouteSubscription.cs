using System.Threading.Channels;

namespace Dispatch.Server.Live;

/// <summary>One stream's view of an owner's route: a one-slot buffer where a newer route replaces one not yet sent.</summary>
public sealed class RouteSubscription<T>(Action<RouteSubscription<T>> unsubscribe) : IDisposable
{
    private readonly Channel<T> _latest = Channel.CreateBounded<T>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public ChannelReader<T> Reader => _latest.Reader;

    /// <summary>Never blocks: a slow reader only ever misses versions it had not yet taken.</summary>
    internal void Offer(T route) => _latest.Writer.TryWrite(route);

    public void Dispose() => unsubscribe(this);
}
