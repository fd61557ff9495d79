using Dispatch.Server.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Server.Hosting;

/// <summary>
/// When the host starts stopping, request streams stop yielding messages and throw
/// <see cref="ServerShuttingDownException"/>: a streaming service finishes what it already read, then the call
/// ends with UNAVAILABLE instead of a reset when Kestrel's shutdown timeout runs out. Unary calls are left
/// alone so they finish. Server-streaming services should also watch <see cref="ServerStopping"/>.
/// </summary>
public sealed class ShutdownInterceptor(ServerStopping stopping) : Interceptor
{
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new StoppingStreamReader<TRequest>(requestStream, stopping.Token), context);

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new StoppingStreamReader<TRequest>(requestStream, stopping.Token), responseStream, context);

    private sealed class StoppingStreamReader<T>(IAsyncStreamReader<T> inner, CancellationToken stopping) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (stopping.IsCancellationRequested)
            {
                throw new ServerShuttingDownException();
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
            try
            {
                return await inner.MoveNext(linked.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ServerShuttingDownException();
            }
        }
    }
}

/// <summary>Fires when the host starts stopping (SIGTERM, Ctrl+C, StopAsync), before Kestrel drains its connections.</summary>
public sealed class ServerStopping(IHostApplicationLifetime lifetime)
{
    public CancellationToken Token => lifetime.ApplicationStopping;
}
