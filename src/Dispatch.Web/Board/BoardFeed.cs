using Dispatch.Contracts.V1;
using Dispatch.Web.Shared;
using Dispatch.Web.Volunteer;

namespace Dispatch.Web.Board;

/// <summary>
/// Follows one gate's board over gRPC-Web server streaming (<c>Planning.WatchGateBoard</c>): each message is the whole
/// board, so a reconnect simply takes the next one. A refusal (wrong key, unknown gate) stops; anything else retries.
/// </summary>
public sealed class BoardFeed(DispatchClients clients) : StreamFeed<GateBoard>
{
    /// <summary>How many boards came since the feed started (the page shows that it is live).</summary>
    public int Received { get; private set; }

    public async Task StartAsync(string apiKey, string districtId, int day, string gateId)
    {
        await StopAsync();
        (Current, Received) = (null, 0);
        Follow(ct => FollowAsync(apiKey, new WatchGateBoardRequest { DistrictId = districtId, Day = day, GateId = gateId }, ct));
    }

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
}
