using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Dispatch.Server.Events;

/// <summary>
/// An in-process event the server owns: publishers do not know who listens, and each subscriber reads every event
/// published after it subscribed, in order. Publishing never waits; a subscriber that stops reading only holds
/// its own events.
/// </summary>
public sealed class EventFeed<T>
{
    private readonly ConcurrentDictionary<EventSubscription<T>, byte> _subscribers = new();

    public void Publish(T item)
    {
        foreach (var subscriber in _subscribers.Keys)
        {
            subscriber.Offer(item);
        }
    }

    public EventSubscription<T> Subscribe()
    {
        var subscription = new EventSubscription<T>(s => _subscribers.TryRemove(s, out _));
        _subscribers[subscription] = 0;
        return subscription;
    }
}

/// <summary>One subscriber's events, until disposed.</summary>
public sealed class EventSubscription<T>(Action<EventSubscription<T>> unsubscribe) : IDisposable
{
    private readonly Channel<T> _events = Channel.CreateUnbounded<T>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<T> Reader => _events.Reader;

    /// <summary>The first event that meets <paramref name="condition"/>, skipping others; fails when none comes within <paramref name="within"/>.</summary>
    public async Task<T> NextAsync(Func<T, bool> condition, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (true)
        {
            var item = await _events.Reader.ReadAsync(timeout.Token);
            if (condition(item))
            {
                return item;
            }
        }
    }

    internal void Offer(T item) => _events.Writer.TryWrite(item);

    public void Dispose()
    {
        unsubscribe(this);
        _events.Writer.TryComplete();
    }
}
