using System.Text.Encodings.Web;
using Dispatch.Domain.Orders;
using Dispatch.Server.Errors;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Dispatch.Server.Auth;

/// <summary>
/// Authenticates a request by its API key (<c>x-api-key</c>, or <c>authorization: Bearer KEY</c>) from the headers
/// alone, before anything of the body is read; the key's hash is looked up in every <see cref="IApiKeyStore"/>.
/// A refusal is answered as a gRPC status: UNAUTHENTICATED (no key or an unknown one) or PERMISSION_DENIED (a known
/// key whose role may not call the method). With Auth:Enabled=false every request is an unrestricted caller.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    AuthOptions auth,
    IEnumerable<IApiKeyStore> stores)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string ApiKeyHeader = "x-api-key";
    private const string BearerPrefix = "Bearer ";
    private const string NoKey = $"no API key: send it in the '{ApiKeyHeader}' header or as 'authorization: Bearer KEY'";
    private const string UnknownKey = "unknown API key";

    /// <summary>The key presented on a request, or null when there is none.</summary>
    public static string? PresentedKey(IHeaderDictionary headers)
    {
        if (headers[ApiKeyHeader].ToString() is { Length: > 0 } key)
        {
            return key.Trim();
        }

        string authorization = headers.Authorization.ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? authorization[BearerPrefix.Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!auth.Enabled)
        {
            return Success(Caller.Unrestricted);
        }

        if (PresentedKey(Request.Headers) is not { Length: > 0 } key)
        {
            return AuthenticateResult.NoResult();
        }

        string hash = ApiKeyDirectory.Hash(key);
        foreach (var store in stores)
        {
            if (await store.FindAsync(hash, Context.RequestAborted) is { } caller)
            {
                return Success(caller);
            }
        }

        LogUnknownKey(Logger, Context.Connection.RemoteIpAddress?.ToString() ?? "?", IdText.Quote(Request.Path.Value, 100));
        return AuthenticateResult.Fail(UnknownKey);
    }

    private AuthenticateResult Success(Caller caller) =>
        AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(caller, SchemeName), SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (NothingLivesHere())
        {
            return;
        }

        var result = await HandleAuthenticateOnceSafeAsync();
        await GrpcStatusResponse.WriteAsync(Context, StatusCode.Unauthenticated, result.Failure is null ? NoKey : UnknownKey);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        if (NothingLivesHere())
        {
            return Task.CompletedTask;
        }

        string method = Context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? IdText.Quote(Request.Path.Value, 100);
        var caller = CallerClaims.FromPrincipal(Context.User);
        string role = caller is null ? "?" : CallerRoles.Name(caller.Role);
        LogRoleRefused(Logger, caller?.KeyId ?? "?", role, method);
        return GrpcStatusResponse.WriteAsync(Context, StatusCode.PermissionDenied, $"a {role} key may not call {method}");
    }

    /// <summary>
    /// A path no endpoint answers (a missing file of the phone app, say) is plain HTTP 404: gRPC methods, even unknown
    /// ones, always have an endpoint, so only a browser's or a prober's request lands here.
    /// </summary>
    private bool NothingLivesHere()
    {
        if (Context.GetEndpoint() is not null)
        {
            return false;
        }

        Response.StatusCode = StatusCodes.Status404NotFound;
        return true;
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Unknown API key from {Peer} calling {Path}")]
    private static partial void LogUnknownKey(ILogger logger, string peer, string path);

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Key {KeyId} ({Role}) refused on {Method}")]
    private static partial void LogRoleRefused(ILogger logger, string keyId, string role, string method);
}
