using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Grains.Health;

/// <summary>This silo is an active member of its cluster, so grains may be placed on it.</summary>
public sealed class SiloMembershipHealthCheck(IClusterMembershipService membership, ILocalSiloDetails silo) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = membership.CurrentSnapshot.GetSiloStatus(silo.SiloAddress);
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy("this silo is active in the cluster")
            : HealthCheckResult.Unhealthy($"this silo is not active in the cluster ({status})"));
    }
}
