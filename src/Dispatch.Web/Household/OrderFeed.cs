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
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(8);
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

    private async Task FollowAsync(WatchOrderRequest request, CancellationToken cancellationToken)
    {
        var wait = TimeSpan.FromSeconds(1);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = clients.Households().WatchOrder(request, cancellationToken: cancellationToken);
                await foreach (var order in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    Current = order;
                    State = FeedState.Live;
                    wait = TimeSpan.FromSeconds(1);
                    Changed?.Invoke();
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated)
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
