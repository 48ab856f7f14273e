using Dashboard.Grains.Health;
using Dashboard.Grains.Hosting;
using Dashboard.Grains.Telemetry;

var builder = WebApplication.CreateSlimBuilder(args);
var applySchemaOnly = args is ["schema", "apply", ..];

var cluster = builder.Configuration.GetClusterOptions();
if (await builder.Configuration.PrepareClusterDatabase(applySchemaOnly || cluster.ApplySchema) is { } problem)
{
    Console.Error.WriteLine($"Dashboard.Silo: {problem}");
    return 2;
}

if (applySchemaOnly)
{
    Console.WriteLine("Dashboard.Silo: schema applied");
    return 0;
}

builder.UseOrleans(silo => silo.AddDashboard(builder.Configuration).AddPostgresCluster(builder.Configuration));
builder.Services.AddDashboardTelemetry(builder.Configuration, "dashboard-silo", _ => { });
builder.WebHost.UseUrls(cluster.ManagementUrl);

var app = builder.Build();
app.MapDashboardHealth();
if (app.Configuration.MetricsEnabled())
{
    app.MapPrometheusScrapingEndpoint(DashboardTelemetry.MetricsPath);
}

return await app.RunOrExplain("Dashboard.Silo");
