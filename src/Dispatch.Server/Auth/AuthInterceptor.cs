using Dispatch.Server.Errors;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Dispatch.Server.Auth;

/// <summary>
/// Authenticates every call by its API key, checks the role against <see cref="ServiceAccess"/>, holds the
/// per-key stream quota for streaming calls, and puts the <see cref="Caller"/> on the call for the service.
/// Runs inside ErrorStatusInterceptor, which turns its exceptions into UNAUTHENTICATED, PERMISSION_DENIED
/// and RESOURCE_EXHAUSTED.
/// </summary>
public sealed partial class AuthInterceptor(AuthOptions options, ApiKeyDirectory keys, StreamQuota quota, ILogger<AuthInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = AdmitStream(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = AdmitStream(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var lease = AdmitStream(context);
        await continuation(requestStream, responseStream, context);
    }

    private IDisposable? AdmitStream(ServerCallContext context)
    {
        var caller = Admit(context);
        return caller is null || caller.IsUnrestricted ? null : quota.Acquire(caller.KeyId);
    }

    // Null for open services (health, reflection), which carry no caller.
    private Caller? Admit(ServerCallContext context)
    {
        if (ServiceAccess.IsOpen(context.Method))
        {
            return null;
        }

        var caller = Authenticate(context);
        if (!ServiceAccess.Allows(context.Method, caller.Role))
        {
            LogRoleRefused(logger, caller.KeyId, CallerRoles.Name(caller.Role), context.Method);
            throw new PermissionDeniedException($"a {CallerRoles.Name(caller.Role)} key may not call {context.Method}");
        }

        context.SetCaller(caller);
        return caller;
    }

    private Caller Authenticate(ServerCallContext context)
    {
        if (!options.Enabled)
        {
            return Caller.Unrestricted;
        }

        string? key = ApiKeyDirectory.PresentedKey(context.RequestHeaders);
        if (string.IsNullOrEmpty(key))
        {
            throw new UnauthenticatedException($"no API key: send it in the '{ApiKeyDirectory.ApiKeyHeader}' header or as 'authorization: Bearer KEY'");
        }

        if (keys.Find(key) is not { } caller)
        {
            LogUnknownKey(logger, context.Peer, context.Method);
            throw new UnauthenticatedException("unknown API key");
        }

        return caller;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Unknown API key from {Peer} calling {Method}")]
    private static partial void LogUnknownKey(ILogger logger, string peer, string method);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Key {KeyId} ({Role}) refused on {Method}")]
    private static partial void LogRoleRefused(ILogger logger, string keyId, string role, string method);
}
