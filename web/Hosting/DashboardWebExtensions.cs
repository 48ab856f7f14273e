using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Grains.Hosting;
using Dashboard.Grains.Push;
using Dashboard.Web.DemoTraffic;
using Dashboard.Web.Ingest;
using Dashboard.Web.Push;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Dashboard.Web.Hosting;

public static class DashboardWebExtensions
{
    private const string ReadyTag = "ready";

    /// <summary>Short command-line switches for the settings a newcomer reaches for first.</summary>
    public static void AddDashboardSwitches(this ConfigurationManager configuration, string[] args) =>
        configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--demo-traffic"] = "Dashboard:DemoTraffic:EventsPerSecond",
            ["--data"] = "Dashboard:Embedded:DataFolder",
        });

    /// <summary>The embedded default: an Orleans silo in this process, grain state in SQLite.</summary>
    public static void AddDashboardSilo(this WebApplicationBuilder builder) =>
        builder.UseOrleans(silo => silo
            .AddDashboard(builder.Configuration)
            .AddEmbeddedCluster(builder.Configuration, builder.Environment.ContentRootPath));

    public static void AddDashboardWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        builder.Services.AddHealthChecks().AddCheck<PushReadinessCheck>("push", tags: [ReadyTag]);
        builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

        builder.Services.AddSignalR().AddJsonProtocol(options => options.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        builder.Services.AddOptions<PushOptions>().Bind(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddSingleton<DashboardObserver>();
        builder.Services.AddSingleton<PushRegistration>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PushRegistration>());

        builder.Services.AddDemoTraffic(builder.Configuration);
    }

    public static void MapDashboard(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();

        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) });
        app.MapIngest();
        app.MapSnapshots();
        app.MapHub<DashboardHub>("/hubs/dashboard");
    }
}
