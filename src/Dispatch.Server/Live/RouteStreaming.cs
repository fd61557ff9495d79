using Dispatch.Contracts.V1;
using Dispatch.Server.Errors;
using Grpc.Core;

namespace Dispatch.Server.Live;

/// <summary>One route stream, for volunteers and drivers alike: the current route, then every new version, until the call or the server ends.</summary>
public static class RouteStreaming
{
    public static async Task StreamAsync<T>(IRouteHub<T> hub, string ownerId, int lastSeenVersion, IServerStreamWriter<T> responseStream, IHostApplicationLifetime lifetime, CancellationToken cancellationToken)
        where T : class, IVersionedRoute
    {
        if (lastSeenVersion < 0)
        {
            throw new InvalidRequestException("last_seen_version", $"must not be negative, was {lastSeenVersion}");
        }

        using var subscription = hub.Subscribe(ownerId, lastSeenVersion);
        await ServerShutdown.StreamUntilStoppedAsync(subscription.Reader, route => responseStream.WriteAsync(route), lifetime, cancellationToken);
    }
}
