using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Http.Features;

namespace Dispatch.Server.Telemetry;

/// <summary>
/// Outermost middleware: counts every call that ends with a gRPC status other than OK, whoever refused it (the
/// authentication pipeline answers with HTTP 401/403, services and interceptors with a status in the trailers).
/// </summary>
internal sealed class RefusedCallCounting : IStartupFilter
{
    private const string Other = "other";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, proceed) =>
        {
            try
            {
                await proceed(context);
            }
            finally
            {
                if (Status(context) is { } status)
                {
                    // Only known methods name themselves: arbitrary paths must not grow the label set.
                    string method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method.FullName ?? Other;
                    DispatchTelemetry.CallRefused(status, method);
                }
            }
        });
        next(app);
    };

    /// <summary>The status name of a call that was not OK, or null (OK, or not a gRPC call).</summary>
    private static string? Status(HttpContext context)
    {
        if (!context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) ?? true)
        {
            return null;
        }

        string? code = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString() is { Length: > 0 } trailer
            ? trailer
            : context.Response.Headers["grpc-status"].ToString();
        if (int.TryParse(code, out int value))
        {
            return value == 0 ? null : ((Grpc.Core.StatusCode)value).ToString();
        }

        return context.Response.StatusCode switch
        {
            StatusCodes.Status401Unauthorized => nameof(Grpc.Core.StatusCode.Unauthenticated),
            StatusCodes.Status403Forbidden => nameof(Grpc.Core.StatusCode.PermissionDenied),
            StatusCodes.Status429TooManyRequests => nameof(Grpc.Core.StatusCode.ResourceExhausted),
            StatusCodes.Status200OK => null,
            _ => $"http_{context.Response.StatusCode}",
        };
    }
}
