using Dispatch.Web.Volunteer;
using Grpc.Core;

namespace Dispatch.Web.Shared;

/// <summary>
/// Keeps a gRPC-Web server stream open for a page: opens it, hands each message on, and after a drop waits 1, 2, 4,
/// 8 s (back to 1 s after a message) and opens it again. A refusal (key, unknown id, bad request) ends it for good.
/// </summary>
public static class ServerStreamFollower
{
    private static readonly TimeSpan s_firstWait = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_longestWait = TimeSpan.FromSeconds(8);

    /// <param name="open">Opens the stream again (a resuming stream builds its request from what it has).</param>
    /// <param name="liveOnHeaders">Live once the server answers with headers, not only at the first message.</param>
    public static async Task FollowAsync<T>(
        Func<CancellationToken, AsyncServerStreamingCall<T>> open,
        Func<T, ValueTask> received,
        Action<FeedState, StatusCode?> stateChanged,
        bool liveOnHeaders,
        CancellationToken cancellationToken)
    {
        var wait = s_firstWait;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var call = open(cancellationToken);
                if (liveOnHeaders)
                {
                    await call.ResponseHeadersAsync;
                    stateChanged(FeedState.Live, null);
                    wait = s_firstWait;
                }

                await foreach (var message in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    wait = s_firstWait;
                    await received(message);
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unauthenticated or StatusCode.PermissionDenied or StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                stateChanged(FeedState.Refused, e.StatusCode);
                return;
            }
            catch (RpcException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException)
            {
                return;
            }

            stateChanged(FeedState.Reconnecting, null);
            try
            {
                await Task.Delay(wait, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, s_longestWait.Ticks));
        }
    }
}
