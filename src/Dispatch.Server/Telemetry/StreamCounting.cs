using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Server.Telemetry;

/// <summary>Counts streaming calls while they are open (innermost interceptor: only calls let in are counted).</summary>
internal sealed class StreamCounting : Interceptor
{
    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        DispatchTelemetry.StreamOpened(context.Method);
        try
        {
            return await continuation(requestStream, context);
        }
        finally
        {
            DispatchTelemetry.StreamClosed(context.Method);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        DispatchTelemetry.StreamOpened(context.Method);
        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            DispatchTelemetry.StreamClosed(context.Method);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        DispatchTelemetry.StreamOpened(context.Method);
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        finally
        {
            DispatchTelemetry.StreamClosed(context.Method);
        }
    }
}
