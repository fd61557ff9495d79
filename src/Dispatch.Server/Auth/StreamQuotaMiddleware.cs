using Dispatch.Server.Errors;
using Grpc.AspNetCore.Server;
using Grpc.Core;

namespace Dispatch.Server.Auth;

/// <summary>
/// After authorization: a streaming call holds one of its key's <see cref="StreamQuota"/> slots while it runs; past the
/// limit it is answered RESOURCE_EXHAUSTED before anything of it is read. Unrestricted callers (Auth:Enabled=false)
/// and open services hold none.
/// </summary>
public sealed class StreamQuotaMiddleware(RequestDelegate next, StreamQuota quota)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type == MethodType.Unary || CallerClaims.FromPrincipal(context.User) is not { IsUnrestricted: false } caller)
        {
            await next(context);
            return;
        }

        using var lease = quota.TryAcquire(caller.KeyId);
        if (lease is null)
        {
            await GrpcStatusResponse.WriteAsync(
                context, StatusCode.ResourceExhausted, $"this key already holds {quota.Limit} open streams (Auth:MaxConcurrentStreamsPerKey); close one and retry");
            return;
        }

        await next(context);
    }
}
