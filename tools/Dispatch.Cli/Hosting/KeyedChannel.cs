using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Dispatch.Cli.Hosting;

/// <summary>A channel to the server whose calls carry an API key in the x-api-key header.</summary>
public sealed class KeyedChannel : IDisposable
{
    private readonly GrpcChannel _channel;

    public KeyedChannel(string address, string? apiKey)
        : this(new Uri(address), apiKey)
    {
    }

    public KeyedChannel(Uri address, string? apiKey)
    {
        _channel = GrpcChannel.ForAddress(address);
        Invoker = _channel.Intercept(headers =>
        {
            if (!string.IsNullOrEmpty(apiKey))
            {
                headers.Add("x-api-key", apiKey);
            }

            return headers;
        });
    }

    public CallInvoker Invoker { get; }

    /// <summary>Whether a call failed because no connection to the server could be made (as opposed to one that ended).</summary>
    public static bool CouldNotConnect(RpcException e) =>
        e.StatusCode == StatusCode.Unavailable && e.Status.DebugException is System.Net.Http.HttpRequestException or System.Net.Sockets.SocketException;

    public void Dispose() => _channel.Dispose();
}
