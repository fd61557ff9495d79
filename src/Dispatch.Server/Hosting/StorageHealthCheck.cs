using Dispatch.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Server.Hosting;

/// <summary>Healthy when the database answers a trivial query.</summary>
public sealed class StorageHealthCheck(DispatchDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = database.Open();
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
