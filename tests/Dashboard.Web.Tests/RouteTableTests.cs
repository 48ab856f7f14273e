using System.Net;
using System.Text;
using Dashboard.Testing;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests;

/// <summary>
/// Read from the app's own route table, so that a new endpoint is covered the day it is mapped: every
/// route names who may call it, answers 401 without credentials and 403 to every role its policy
/// leaves out. Only the routes listed here may be open to anyone.
/// </summary>
public sealed class RouteTableTests : IAsyncLifetime
{
    private static readonly string[] OpenRoutes =
    [
        "GET /health/live", "GET /health/ready", "GET /signin", "GET /setup", "POST /api/v1/auth/signin", "POST /api/v1/auth/setup",
        "GET /api/v1/auth/options", "GET /signin/sso", "GET /report",
    ];

    private static readonly string[] RoleNames = ["viewer", "duty", "admin", "ingest", "reporter"];

    private DashboardApp app = null!;

    private Dictionary<string, HttpClient> byRole = null!;

    public async Task InitializeAsync()
    {
        // Every route mapped: the metrics scrape (off in other tests) and Orleans' dashboard (off by default) too.
        app = new DashboardApp(extraSettings: new Dictionary<string, string?>
        {
            ["Dashboard:Metrics:Enabled"] = "true",
            ["Dashboard:OrleansDashboard:Enabled"] = "true",
        });
        byRole = [];
        foreach (var role in RoleNames.Except(["reporter"]))
        {
            byRole[role] = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey($"路由测试 {role}", role));
        }

        byRole["reporter"] = TestCredentials.Client(app.BaseAddress, (await app.Http.IssueReportingLink("441802-GB-002")).Key);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in byRole.Values)
        {
            client.Dispose();
        }

        await app.DisposeAsync();
    }

    [Fact]
    public void Every_route_names_a_policy_or_is_one_of_the_few_open_ones()
    {
        var routes = Routes().ToList();

        Assert.All(routes, route => Assert.True(route.Policy is not null || route.Open, $"{route.Name} has no authorization policy"));
        Assert.Equal(OpenRoutes.Order(), routes.Where(route => route.Open).Select(route => route.Name).Order());
        Assert.All(routes.Where(route => route.Policy is not null), route => Assert.Contains(route.Policy!, Policies.Roles.Keys));
    }

    [Fact]
    public async Task Every_protected_route_refuses_callers_without_credentials_and_with_a_role_its_policy_leaves_out()
    {
        using var anonymous = app.Anonymous();
        var failures = new List<string>();
        foreach (var route in Routes().Where(route => !route.Open))
        {
            var withoutCredentials = await Send(anonymous, route);
            var expected = route.IsPage ? HttpStatusCode.Redirect : HttpStatusCode.Unauthorized;
            if (withoutCredentials.StatusCode != expected && !(route.IsPage && withoutCredentials.StatusCode == HttpStatusCode.Found))
            {
                failures.Add($"{route.Name} without credentials: {(int)withoutCredentials.StatusCode} {await withoutCredentials.Content.ReadAsStringAsync()}");
            }

            var allowed = route.Policy is null ? ["admin"] : Policies.Roles[route.Policy].Select(role => role.ToString().ToLowerInvariant()).ToArray();
            foreach (var role in RoleNames.Except(allowed))
            {
                var refused = await Send(byRole[role], route);
                if (refused.StatusCode != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{route.Name} as {role}: {(int)refused.StatusCode}");
                }
            }
        }

        Assert.Empty(failures);
    }

    [Fact]
    public async Task The_hub_refuses_connections_without_credentials_and_from_machines_that_only_ingest()
    {
        using var anonymous = app.Anonymous();
        var negotiate = await anonymous.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null);
        var ingest = await byRole["ingest"].PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null);
        var viewer = await byRole["viewer"].PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null);

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.OK), (negotiate.StatusCode, ingest.StatusCode, viewer.StatusCode));
    }

    private static Task<HttpResponseMessage> Send(HttpClient client, Route route)
    {
        var request = new HttpRequestMessage(new HttpMethod(route.Method), route.SamplePath);
        if (route.Method is "POST" or "PUT")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        return client.SendAsync(request);
    }

    private IEnumerable<Route> Routes() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => !endpoint.RoutePattern.RawText!.StartsWith("/hubs/", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new Route(
                method,
                "/" + endpoint.RoutePattern.RawText!.TrimStart('/'),
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(data => data.Policy).LastOrDefault(policy => policy is not null),
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)));

    private sealed record Route(string Method, string Pattern, string? Policy, bool Open)
    {
        public string Name => $"{Method} {Pattern}";

        public bool IsPage => Method == "GET" && !Pattern.StartsWith("/api/", StringComparison.Ordinal) && !Pattern.StartsWith("/openapi/", StringComparison.Ordinal)
            && !Pattern.StartsWith("/health/", StringComparison.Ordinal);

        public string SamplePath => Pattern
            .Replace("{code}", "441802").Replace("{county}", "441802").Replace("{metric}", "occupancy")
            .Replace("{id}", "441802-GB-001").Replace("{login}", "nobody").Replace("{documentName}", "v1");
    }
}
