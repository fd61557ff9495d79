using System.Threading.Channels;
using Grpc.Core;

namespace Dispatch.Server.Live;

/// <summary>Long-lived streams end with UNAVAILABLE when the server stops, so clients know to reconnect rather than hang.</summary>
public static class ServerShutdown
{
    public static async Task StreamUntilStoppedAsync<T>(ChannelReader<T> reader, Func<T, Task> write, IHostApplicationLifetime lifetime, CancellationToken callCancelled)
    {
        using var either = CancellationTokenSource.CreateLinkedTokenSource(callCancelled, lifetime.ApplicationStopping);
        try
        {
            await foreach (var item in reader.ReadAllAsync(either.Token))
            {
                await write(item);
            }
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !callCancelled.IsCancellationRequested)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "server shutting down: reconnect with your last seen version"));
        }
    }
}
