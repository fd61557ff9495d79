using Dispatch.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dispatch.Server.Hosting;

/// <summary>Healthy when the database answers a trivial query.</summary>
public sealed class StorageHealthCheck(DbContextOptions<DispatchDbContext> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var db = new DispatchDbContext(options);
        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
    }
}
