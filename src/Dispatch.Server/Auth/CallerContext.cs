using Grpc.Core;

namespace Dispatch.Server.Auth;

/// <summary>Carries the authenticated caller from the auth interceptor to the service method, on the call itself.</summary>
public static class CallerContext
{
    private static readonly object s_key = typeof(Caller);

    public static Caller GetCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(s_key, out var caller) && caller is Caller known
            ? known
            : throw new InvalidOperationException("no caller on this call: is AuthInterceptor registered?");

    internal static void SetCaller(this ServerCallContext context, Caller caller) => context.UserState[s_key] = caller;
}
