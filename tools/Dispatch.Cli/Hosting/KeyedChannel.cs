using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;

namespace Dispatch.Cli.Hosting;

/// <summary>A channel to the server whose calls carry an API key in the x-api-key header.</summary>
public sealed class KeyedChannel : IDisposable
{
    private readonly GrpcChannel _channel;

    public KeyedChannel(string address, string? apiKey)
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

    public void Dispose() => _channel.Dispose();
}
