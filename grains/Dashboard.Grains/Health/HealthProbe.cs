using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Grains.Health;

/// <summary>
/// What a node reports on <c>/health/ready</c>: the checks tagged <see cref="ReadyTag"/>, each with a
/// reason a duty engineer can act on. Reasons name the part that failed, never a host, a password or
/// an exception (those go to the log).
/// </summary>
public static class HealthProbe
{
    public const string ReadyTag = "ready";

    /// <summary>Long enough for a busy database to answer; short enough for a load balancer's probe.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    public static IHealthChecksBuilder AddReadyCheck<T>(this IHealthChecksBuilder checks, string name)
        where T : class, IHealthCheck =>
        checks.AddCheck<T>(name, failureStatus: HealthStatus.Unhealthy, tags: [ReadyTag], timeout: Timeout);

    public static IHealthChecksBuilder AddReadyCheck(this IHealthChecksBuilder checks, string name, Func<IServiceProvider, IHealthCheck> create) =>
        checks.Add(new HealthCheckRegistration(name, create, HealthStatus.Unhealthy, [ReadyTag], Timeout));
}
