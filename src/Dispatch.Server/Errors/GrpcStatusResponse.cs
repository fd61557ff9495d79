using System.Globalization;
using Grpc.Core;

namespace Dispatch.Server.Errors;

/// <summary>
/// Answers a call before it reaches its gRPC service (authentication, authorization, stream limits) the way gRPC
/// itself answers errors: HTTP 200, a gRPC content type and the status in the headers ("trailers-only"). Every gRPC
/// client reads that as the status; a bare HTTP 401 or 503 would reach it as "bad gRPC response".
/// </summary>
public static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string message)
    {
        var response = context.Response;
        if (response.HasStarted)
        {
            return Task.CompletedTask;
        }

        string? requested = context.Request.ContentType;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = requested is not null && requested.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) ? requested : "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        return Task.CompletedTask;
    }
}
