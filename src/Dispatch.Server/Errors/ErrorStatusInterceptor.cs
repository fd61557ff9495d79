using Dispatch.Domain.Scenarios;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Server.Errors;

/// <summary>Turns domain exceptions into gRPC statuses in one place, so services hold no try/catch.</summary>
public sealed class ErrorStatusInterceptor : Interceptor
{
    private const int DeadlineSlackMilliseconds = 100;

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception e) when (ToRpc(e, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception e) when (ToRpc(e, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception e) when (ToRpc(e, context) is { } rpc)
        {
            throw rpc;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception e) when (ToRpc(e, context) is { } rpc)
        {
            throw rpc;
        }
    }

    private static RpcException? ToRpc(Exception e, ServerCallContext context) => e switch
    {
        InvalidRequestException invalid => BadRequest(invalid.Message, invalid.Violations.Select(v => (v.Field, v.Description))),
        ResourceNotFoundException notFound => new Google.Rpc.Status { Code = (int)Code.NotFound, Message = notFound.Message }.ToRpcException(),
        PreconditionFailedException precondition => new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = precondition.Message }.ToRpcException(),
        ScenarioFormatException scenario => new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = scenario.Message }.ToRpcException(),
        UnauthenticatedException unauthenticated => new RpcException(new Grpc.Core.Status(StatusCode.Unauthenticated, unauthenticated.Message)),
        PermissionDeniedException denied => new RpcException(new Grpc.Core.Status(StatusCode.PermissionDenied, denied.Message)),
        LimitExceededException limit => new RpcException(new Grpc.Core.Status(StatusCode.ResourceExhausted, limit.Message)),
        ServerShuttingDownException stopping => new RpcException(new Grpc.Core.Status(StatusCode.Unavailable, stopping.Message)),
        // Work interrupted by the call's cancellation fails in many shapes (OperationCanceledException, SQLite's
        // "interrupted", ...): once the call is cancelled, the cancellation is the answer.
        not RpcException when context.CancellationToken.IsCancellationRequested =>
            DeadlinePassed(context)
                ? new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "deadline exceeded"))
                : new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "cancelled by the client")),
        _ => null,
    };

    // The call token fires for a client that went away or for the deadline; the deadline timer may fire a
    // little before the clock reaches the deadline, so a deadline about to pass counts as passed.
    private static bool DeadlinePassed(ServerCallContext context) =>
        context.Deadline != DateTime.MaxValue && context.Deadline <= DateTime.UtcNow.AddMilliseconds(DeadlineSlackMilliseconds);

    public static RpcException BadRequest(string message, IEnumerable<(string Field, string Description)> violations)
    {
        var details = new BadRequest();
        details.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Any.Pack(details) },
        }.ToRpcException();
    }
}
