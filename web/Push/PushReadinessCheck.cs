using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Web.Push;

/// <summary>
/// Ready once the grains answer and this node receives their updates; unready again when the silos
/// have stopped taking this node's subscription for longer than it lives, so its walls would freeze.
/// </summary>
public sealed class PushReadinessCheck(PushRegistration registration) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!registration.WhenEffective.IsCompletedSuccessfully)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("not yet subscribed to the silos' updates"));
        }

        var since = registration.SinceRenewed;
        return Task.FromResult(since > registration.Lifetime
            ? HealthCheckResult.Unhealthy($"push has stopped: the silos have not renewed this node's subscription for {since.TotalSeconds:0} s")
            : HealthCheckResult.Healthy("receiving the silos' updates"));
    }
}
