using Microsoft.Extensions.Diagnostics.HealthChecks;
using Orleans.Runtime;

namespace Dispatch.Server.Cluster;

/// <summary>Serving once this silo is an active member of the cluster (it joined through the membership table).</summary>
public sealed class SiloHealthCheck(ILocalSiloDetails silo, IClusterMembershipService membership) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy($"silo is {status}, not an active member of the cluster"));
    }
}
