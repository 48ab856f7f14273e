using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Push;

/// <summary>Ready once the grains answer and this node receives their updates.</summary>
public sealed class PushReadinessCheck(PushRegistration registration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(registration.WhenEffective.IsCompletedSuccessfully
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("not yet subscribed to the silos' updates"));
}
