using Dashboard.Contracts.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Grains.Health;

/// <summary>A web node of a cluster reaches a silo that takes grain calls.</summary>
public sealed class ClusterGatewayHealthCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await grains.GetGrain<IPingGrain>(0).Ping().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy("a silo answers");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("no silo answers", exception);
        }
    }
}
