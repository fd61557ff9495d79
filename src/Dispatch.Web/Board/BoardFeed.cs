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
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(8);
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

    private async Task FollowAsync(string apiKey, WatchGateBoardRequest request, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = clients.Planning(apiKey).WatchGateBoard(request, cancellationToken: cancellationToken);
                await foreach (var board in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    Current = board;
                    Received++;
                    State = FeedState.Live;
                    wait = TimeSpan.FromSeconds(1);
                    Changed?.Invoke();
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                RefusedWith = e.StatusCode;
                Set(FeedState.Refused);
                return;
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Set(FeedState.Reconnecting);
            try
            {
                await Task.Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestWait.Ticks));
        }
    }

    private void Set(FeedState state)
    {
        State = state;
        Changed?.Invoke();
    }
}
