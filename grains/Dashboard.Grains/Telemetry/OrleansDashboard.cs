using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using OrleansDashboardExtensions = Orleans.Dashboard.ServiceCollectionExtensions;

namespace Dashboard.Grains.Telemetry;

/// <summary>
/// Orleans' own dashboard (silos, grain activations, calls per method and their latency), for admins
/// at <see cref="Path"/>. Off unless configured: it profiles every grain call, and the walls do not
/// need it. Every silo collects its figures; a web node, silo or client, serves the page.
/// </summary>
public static class OrleansDashboard
{
    public const string Path = "/orleans";

    private const string EnabledKey = "Dashboard:OrleansDashboard:Enabled";

    public static bool OrleansDashboardEnabled(this IConfiguration configuration) => configuration.GetValue(EnabledKey, defaultValue: false);

    public static void AddOrleansDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (configuration.OrleansDashboardEnabled())
        {
            // Live log streaming stays off: logs are for the log store, not a browser tab.
            OrleansDashboardExtensions.AddDashboard(silo, options => options.HideTrace = true);
        }
    }

    public static void AddOrleansDashboard(this IClientBuilder client, IConfiguration configuration)
    {
        if (configuration.OrleansDashboardEnabled())
        {
            OrleansDashboardExtensions.AddDashboard(client, options => options.HideTrace = true);
        }
    }

    /// <summary>
    /// The page and its API, or none when the dashboard is off. Its grain state viewer is refused (404,
    /// ahead of the dashboard's own route): it would show any grain's state, users' and keys' too.
    /// </summary>
    public static IEnumerable<IEndpointConventionBuilder> MapOrleansDashboard(this IEndpointRouteBuilder endpoints, IConfiguration configuration)
    {
        if (!configuration.OrleansDashboardEnabled())
        {
            return [];
        }

        var grainState = endpoints.MapGet($"{Path}/GrainState", () => TypedResults.NotFound()).WithOrder(-1);
        return [OrleansDashboardExtensions.MapOrleansDashboard(endpoints, Path), grainState];
    }
}
