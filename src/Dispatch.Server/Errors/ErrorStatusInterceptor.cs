using Dispatch.Domain.Scenarios;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Server.Errors;

/// <summary>
/// Turns domain exceptions into gRPC statuses in one place, so services hold no try/catch. Messages quote what callers
/// sent short already; as a last guard no message or field description leaves longer than <see cref="MaxMessageLength"/>.
/// </summary>
public sealed class ErrorStatusInterceptor : Interceptor
{
    public const int MaxMessageLength = 1_000;
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
        RpcException => null,
        _ when ToStatus(e) is { } status => status.ToRpcException(),
        // Work interrupted by the call's cancellation fails in many shapes (OperationCanceledException, SQLite's
        // "interrupted", ...): once the call is cancelled, the cancellation is the answer.
        _ when context.CancellationToken.IsCancellationRequested =>
            DeadlinePassed(context)
                ? new RpcException(new Grpc.Core.Status(StatusCode.DeadlineExceeded, "deadline exceeded"))
                : new RpcException(new Grpc.Core.Status(StatusCode.Cancelled, "cancelled by the client")),
        _ => null,
    };

    /// <summary>The status a caller's mistake (or a stopping server) is answered with; null for anything else.</summary>
    public static Google.Rpc.Status? ToStatus(Exception e) => e switch
    {
        InvalidRequestException invalid => BadRequestStatus(invalid.Message, invalid.Violations.Select(v => (v.Field, v.Description))),
        ResourceNotFoundException notFound => new Google.Rpc.Status { Code = (int)Code.NotFound, Message = Short(notFound.Message) },
        PreconditionFailedException precondition => new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = Short(precondition.Message) },
        ScenarioFormatException scenario => new Google.Rpc.Status { Code = (int)Code.FailedPrecondition, Message = Short(scenario.Message) },
        PermissionDeniedException denied => new Google.Rpc.Status { Code = (int)Code.PermissionDenied, Message = Short(denied.Message) },
        ServerShuttingDownException stopping => new Google.Rpc.Status { Code = (int)Code.Unavailable, Message = stopping.Message },
        _ => null,
    };

    // The call token fires for a client that went away or for the deadline; the deadline timer may fire a
    // little before the clock reaches the deadline, so a deadline about to pass counts as passed.
    private static bool DeadlinePassed(ServerCallContext context) =>
        context.Deadline != DateTime.MaxValue && context.Deadline <= DateTime.UtcNow.AddMilliseconds(DeadlineSlackMilliseconds);

    private static string Short(string message) => message.Length <= MaxMessageLength ? message : string.Concat(message.AsSpan(0, MaxMessageLength), "…");

    public static RpcException BadRequest(string message, IEnumerable<(string Field, string Description)> violations) =>
        BadRequestStatus(message, violations).ToRpcException();

    private static Google.Rpc.Status BadRequestStatus(string message, IEnumerable<(string Field, string Description)> violations)
    {
        var details = new BadRequest();
        details.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = Short(v.Field), Description = Short(v.Description) }));
        return new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = Short(message),
            Details = { Any.Pack(details) },
        };
    }
}
