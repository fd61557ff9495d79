using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Dispatch.Web.Volunteer;

namespace Dispatch.Web.Household;

/// <summary>
/// Follows a household's order over gRPC-Web server streaming (<c>Households.WatchOrder</c>, the token in the request,
/// no key). NOT_FOUND (wrong order id or token: the server does not say which) stops; anything else retries.
/// </summary>
public sealed class OrderFeed(DispatchClients clients) : StreamFeed<HouseholdOrder>
{
    public async Task StartAsync(string orderRef, string token)
    {
        await StopAsync();
        Current = null;
        Follow(ct => FollowAsync(new WatchOrderRequest { OrderRef = orderRef, Token = token }, ct));
    }

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
}
