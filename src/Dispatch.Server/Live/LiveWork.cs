using System.Collections.Concurrent;
using Dispatch.Server.Events;

namespace Dispatch.Server.Live;

/// <summary>
/// The live day's background work: each piece is tracked until it ends and then published to
/// <see cref="Done"/>, so tests and operators can wait for it; the server's shutdown cancels what has not begun its
/// store step and waits for the rest.
/// </summary>
public sealed class LiveWork : IHostedService
{
    // Never disposed: the host may stop this service after the container disposed it, and a CancellationTokenSource
    // without a timer holds nothing to free.
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Task, byte> _running = new();

    /// <summary>What background work of the live day ended, and how.</summary>
    public EventFeed<LiveWorkDone> Done { get; } = new();

    /// <summary>Starts <paramref name="work"/> in the background; what it returns is published when it ends.</summary>
    /// <param name="work">Catches its own failures and says so in what it returns.</param>
    public void Run(Func<CancellationToken, Task<LiveWorkDone>> work)
    {
        var token = _stopping.Token;
        var start = new Task<Task<LiveWorkDone>>(() => work(token));
        var running = start.Unwrap();

        // Tracked before it starts, so its end is never seen before its beginning.
        _running[running] = 0;
        _ = running.ContinueWith(
            ended =>
            {
                _running.TryRemove(ended, out _);
                if (ended.IsCompletedSuccessfully)
                {
                    Done.Publish(ended.Result);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        start.Start(TaskScheduler.Default);
    }

    /// <summary>Publishes the end of work that ran elsewhere (a hosted worker's burst).</summary>
    public void Ended(LiveWorkDone done) => Done.Publish(done);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Cancels the work and waits for it, up to the host's shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_running.Keys).WaitAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Each piece logs its own failure; shutting down goes on.
        }
    }
}
