using Dispatch.Web.Volunteer;
using Grpc.Core;

namespace Dispatch.Web.Shared;

/// <summary>
/// What every page's live feed shares: the latest message, the connection state and a refusal, a change event for the
/// page, and one following task at a time (a new start stops the one before; disposing stops it).
/// </summary>
public abstract class StreamFeed<T> : IAsyncDisposable
    where T : class
{
    private CancellationTokenSource? _running;

    public event Action? Changed;

    public T? Current { get; protected set; }

    public FeedState State { get; private set; } = FeedState.Connecting;

    public StatusCode? RefusedWith { get; private set; }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            await running.CancelAsync();
            running.Dispose();
            _running = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts following with <paramref name="follow"/> (after <see cref="StopAsync"/>): connecting, no refusal yet.</summary>
    protected void Follow(Func<CancellationToken, Task> follow)
    {
        (State, RefusedWith) = (FeedState.Connecting, null);
        _running = new CancellationTokenSource();
        _ = follow(_running.Token);
        Changed?.Invoke();
    }

    protected void Set(FeedState state, StatusCode? refusedWith = null)
    {
        State = state;
        RefusedWith = refusedWith ?? RefusedWith;
        Changed?.Invoke();
    }

    protected void NotifyChanged() => Changed?.Invoke();
}
