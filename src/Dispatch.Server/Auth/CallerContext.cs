using Grpc.Core;

namespace Dispatch.Server.Auth;

/// <summary>The authenticated caller of a gRPC call, as the authentication handler put it on the request.</summary>
public static class CallerContext
{
    public static Caller GetCaller(this ServerCallContext context) =>
        CallerClaims.FromPrincipal(context.GetHttpContext().User)
            ?? throw new InvalidOperationException("no caller on this call: is the endpoint behind UseAuthentication and an authorization policy?");
}
