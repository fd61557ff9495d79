using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace Dispatch.Server.Auth;

/// <summary>
/// Which roles may call which gRPC method. Deny by default: a service that is neither open nor listed
/// here answers PERMISSION_DENIED to every key, so a new service cannot be exposed by forgetting a line.
/// <see cref="Describe"/> puts each method's rule on its endpoint, where ASP.NET Core's authorization applies it
/// before the call is read.
/// </summary>
public static class ServiceAccess
{
    /// <summary>The authorization policy nobody passes: methods no role may call.</summary>
    public const string NobodyPolicy = "nobody";

    /// <summary>The rate-limiting policy of the streams anyone may open (health watches, reflection).</summary>
    public const string OpenStreamsPolicy = "open-streams";

    /// <summary>The rate-limiting policy of the methods that take a token instead of a key, per client address.</summary>
    public const string TokenCallsPolicy = "token-calls";

    // Probes and tooling must work without a key.
    private static readonly HashSet<string> s_openServices = new(StringComparer.Ordinal)
    {
        "grpc.health.v1.Health",
        "grpc.reflection.v1alpha.ServerReflection",
        "grpc.reflection.v1.ServerReflection",
    };

    // Methods whose request carries its own proof (a sign-in link's token, a household's order token) in place of a
    // key: open to callers without a key, and each checks its token before it looks anything up. Listed one by one,
    // never by service, so no other method of these services opens with them.
    private static readonly HashSet<string> s_tokenMethods = new(StringComparer.Ordinal)
    {
        "/dispatch.v1.Volunteers/RedeemSignInLink",
        "/dispatch.v1.Households/WatchOrder",
    };

    private static readonly CallerRole[] s_readers = [CallerRole.Supermarket, CallerRole.Planner, CallerRole.Admin];
    private static readonly CallerRole[] s_supermarketWriters = [CallerRole.Supermarket, CallerRole.Admin];

    // Keyed by service, then by method; "*" is the service's default.
    private static readonly Dictionary<string, Dictionary<string, CallerRole[]>> s_roles = new(StringComparer.Ordinal)
    {
        ["dispatch.v1.OrderIntake"] = new(StringComparer.Ordinal)
        {
            ["*"] = s_readers,
            ["SubmitBatch"] = s_supermarketWriters,
            ["PushOrders"] = s_supermarketWriters,
        },

        // Each method also checks the subject: a volunteer or driver acts only for themselves.
        ["dispatch.v1.Volunteers"] = new(StringComparer.Ordinal)
        {
            ["*"] = [CallerRole.Volunteer, CallerRole.Planner, CallerRole.Admin],
            ["ReportStop"] = [CallerRole.Volunteer, CallerRole.Admin],
            ["StartTrip"] = [CallerRole.Volunteer, CallerRole.Admin],
            ["ConfirmPickup"] = [CallerRole.Volunteer, CallerRole.Admin],

            // Gate leaders hand links out with a planner key.
            ["CreateSignInLink"] = [CallerRole.Planner, CallerRole.Admin],
            // A supervisor's act: a volunteer may not lift the lock their own wrong codes set.
            ["UnlockConfirmation"] = [CallerRole.Planner, CallerRole.Admin],
        },
        ["dispatch.v1.Trucks"] = new(StringComparer.Ordinal)
        {
            ["*"] = [CallerRole.TruckDriver, CallerRole.Planner, CallerRole.Admin],
            ["ReportArrival"] = [CallerRole.TruckDriver, CallerRole.Admin],
            ["ReportDeparture"] = [CallerRole.TruckDriver, CallerRole.Admin],
        },
        ["dispatch.v1.Supermarkets"] = new(StringComparer.Ordinal)
        {
            ["*"] = s_readers,
        },

        // Plans name households and volunteers: district staff only.
        ["dispatch.v1.Planning"] = new(StringComparer.Ordinal)
        {
            ["*"] = [CallerRole.Planner, CallerRole.Admin],
        },
    };

    public static bool IsOpen(string method) => s_openServices.Contains(Split(method).Service);

    /// <summary>Whether the method (gRPC's "/package.Service/Method") takes a token in its request instead of a key.</summary>
    public static bool TakesToken(string method) => s_tokenMethods.Contains("/" + method.TrimStart('/'));

    /// <summary>
    /// The endpoint convention: open services allow anyone (their streams under <see cref="OpenStreamsPolicy"/>), token
    /// methods anyone under <see cref="TokenCallsPolicy"/>, a listed method the roles of the table, anything else nobody. Endpoints that are no method (gRPC's "unimplemented"
    /// answers) need a known key, so only callers with one learn what is not there.
    /// </summary>
    public static void Describe(EndpointBuilder endpoint)
    {
        var method = endpoint.Metadata.OfType<GrpcMethodMetadata>().LastOrDefault()?.Method;
        if (method is null)
        {
            endpoint.Metadata.Add(new AuthorizeAttribute());
            return;
        }

        if (IsOpen(method.FullName))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
            if (method.Type != MethodType.Unary)
            {
                endpoint.Metadata.Add(new EnableRateLimitingAttribute(OpenStreamsPolicy));
            }

            return;
        }

        if (TakesToken(method.FullName))
        {
            endpoint.Metadata.Add(new AllowAnonymousAttribute());
            endpoint.Metadata.Add(new EnableRateLimitingAttribute(TokenCallsPolicy));
            return;
        }

        var roles = RolesOf(method.FullName);
        endpoint.Metadata.Add(roles.Length == 0 ? new AuthorizeAttribute(NobodyPolicy) : new AuthorizeAttribute { Roles = string.Join(',', roles.Select(CallerRoles.Name)) });
    }

    /// <summary>Whether a role may call the method (given as gRPC's "/package.Service/Method").</summary>
    public static bool Allows(string method, CallerRole role) => RolesOf(method).Contains(role);

    private static CallerRole[] RolesOf(string method)
    {
        var (service, name) = Split(method);
        return s_roles.TryGetValue(service, out var methods) ? methods.GetValueOrDefault(name) ?? methods.GetValueOrDefault("*") ?? [] : [];
    }

    private static (string Service, string Method) Split(string method)
    {
        string trimmed = method.TrimStart('/');
        int slash = trimmed.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (trimmed, "") : (trimmed[..slash], trimmed[(slash + 1)..]);
    }
}
