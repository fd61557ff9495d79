using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Dispatch.Web.Volunteer;
using Grpc.Core;

namespace Dispatch.Web.Board;

/// <summary>
/// Follows one gate's board over gRPC-Web server streaming (<c>Planning.WatchGateBoard</c>): each message is the whole
/// board, so a reconnect simply takes the next one. A refusal (wrong key, unknown gate) stops; anything else retries.
/// </summary>
public sealed class BoardFeed(DispatchClients clients) : IAsyncDisposable
{
    private CancellationTokenSource? _running;

    public event Action? Changed;

    public GateBoard? Current { get; private set; }

    public FeedState State { get; private set; } = FeedState.Connecting;

    public StatusCode? RefusedWith { get; private set; }

    /// <summary>How many boards came since the feed started (the page shows that it is live).</summary>
    public int Received { get; private set; }

    public async Task StartAsync(string apiKey, string districtId, int day, string gateId)
    {
        await StopAsync();
        (Current, State, RefusedWith, Received) = (null, FeedState.Connecting, null, 0);
        _running = new CancellationTokenSource();
        _ = FollowAsync(apiKey, new WatchGateBoardRequest { DistrictId = districtId, Day = day, GateId = gateId }, _running.Token);
        Changed?.Invoke();
    }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            await running.CancelAsync();
            running.Dispose();
            _running = null;
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private Task FollowAsync(string apiKey, WatchGateBoardRequest request, CancellationToken cancellationToken) =>
        ServerStreamFollower.FollowAsync(
            ct => clients.Planning(apiKey).WatchGateBoard(request, cancellationToken: ct),
            board =>
            {
                Current = board;
                Received++;
                Set(FeedState.Live);
                return ValueTask.CompletedTask;
            },
            Set,
            liveOnHeaders: false,
            cancellationToken);

    private void Set(FeedState state, StatusCode? refusedWith = null)
    {
        State = state;
        RefusedWith = refusedWith ?? RefusedWith;
        Changed?.Invoke();
    }
}
