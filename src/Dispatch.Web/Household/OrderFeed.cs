using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Dispatch.Web.Volunteer;
using Grpc.Core;

namespace Dispatch.Web.Household;

/// <summary>
/// Follows a household's order over gRPC-Web server streaming (<c>Households.WatchOrder</c>, the token in the request,
/// no key). NOT_FOUND (wrong order id or token: the server does not say which) stops; anything else retries.
/// </summary>
public sealed class OrderFeed(DispatchClients clients) : IAsyncDisposable
{
    private CancellationTokenSource? _running;

    public event Action? Changed;

    public HouseholdOrder? Current { get; private set; }

    public FeedState State { get; private set; } = FeedState.Connecting;

    public StatusCode? RefusedWith { get; private set; }

    public async Task StartAsync(string orderRef, string token)
    {
        await StopAsync();
        (Current, State, RefusedWith) = (null, FeedState.Connecting, null);
        _running = new CancellationTokenSource();
        _ = FollowAsync(new WatchOrderRequest { OrderRef = orderRef, Token = token }, _running.Token);
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

    private Task FollowAsync(WatchOrderRequest request, CancellationToken cancellationToken) =>
        ServerStreamFollower.FollowAsync(
            ct => clients.Households().WatchOrder(request, cancellationToken: ct),
            order =>
            {
                Current = order;
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
