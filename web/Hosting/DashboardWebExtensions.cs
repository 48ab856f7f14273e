using System.Text.Json;
using System.Text.Json.Serialization;
using Dashboard.Grains.Health;
using Dashboard.Grains.Hosting;
using Dashboard.Grains.Push;
using Dashboard.Web.Access;
using Dashboard.Web.Alerts;
using Dashboard.Web.DemoTraffic;
using Dashboard.Web.Display;
using Dashboard.Web.History;
using Dashboard.Web.Hotlines;
using Dashboard.Web.Ingest;
using Dashboard.Web.Pages;
using Dashboard.Web.Push;
using Dashboard.Web.Reporting;
using Dashboard.Web.Registry;
using Dashboard.Web.Snapshots;
using Dashboard.Web.Targets;
using Dashboard.Web.Telemetry;
using Dashboard.Web.WorkOrders;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Hosting;

public static class DashboardWebExtensions
{
    private const string ModeKey = "Dashboard:Mode";
    private const string ClusterMode = "cluster";

    /// <summary>A batch of 1,000 events is about 200 KB; the registry import allows more on its own endpoint.</summary>
    public const long MaxRequestBodyBytes = 2 * 1024 * 1024;

    /// <summary>A hub call is a method name and a short group name.</summary>
    private const long MaxHubMessageBytes = 4 * 1024;

    private const int MaxJsonDepth = 16;

    /// <summary>Short command-line switches for the settings a newcomer reaches for first.</summary>
    public static void AddDashboardSwitches(this ConfigurationManager configuration, string[] args) =>
        configuration.AddCommandLine(args, new Dictionary<string, string>
        {
            ["--demo-traffic"] = "Dashboard:DemoTraffic:EventsPerSecond",
            ["--data"] = "Dashboard:Embedded:DataFolder",
        });

    /// <summary>
    /// Embedded (the default): an Orleans silo in this process with grain state in SQLite.
    /// Cluster: this web node is an Orleans client of the silos that share a PostgreSQL database.
    /// </summary>
    public static void AddDashboardOrleans(this WebApplicationBuilder builder)
    {
        if (builder.IsClusterMode())
        {
            builder.UseOrleansClient(client => client.AddPostgresCluster(builder.Configuration));
        }
        else
        {
            builder.UseOrleans(silo => silo
                .AddDashboard(builder.Configuration)
                .AddEmbeddedCluster(builder.Configuration, builder.Environment.ContentRootPath));
        }
    }

    /// <summary>One line saying why the mode's settings or, in a cluster, its database cannot be used, or null.</summary>
    public static Task<string?> CheckDashboardStorage(this WebApplicationBuilder builder) =>
        builder.IsClusterMode()
            ? builder.Configuration.PrepareClusterDatabase(applySchema: false)
            : Task.FromResult(EmbeddedOptions.From(builder.Configuration).Problem());

    public static bool IsClusterMode(this WebApplicationBuilder builder) => builder.Configuration.IsClusterMode();

    public static bool IsClusterMode(this IConfiguration configuration) =>
        string.Equals(configuration[ModeKey], ClusterMode, StringComparison.OrdinalIgnoreCase);

    public static void AddDashboardWeb(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<TransientFailureHandler>();
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer<SecuritySchemes>());
        builder.Services.AddHealthChecks().AddReadyCheck<PushReadinessCheck>("push");
        builder.AddDashboardTelemetry();
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.ConfigureHttpJsonOptions(options => StrictJson(options.SerializerOptions));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);

        builder.Services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaxHubMessageBytes;
                hub.AddFilter<HubGuard>();
            })
            .AddJsonProtocol(options => StrictJson(options.PayloadSerializerOptions))
            .AddMessagePackProtocol();
        builder.Services.AddOptions<MessagePackHubProtocolOptions>()
            .Configure<IOptions<JsonHubProtocolOptions>>((messagePack, json) =>
                messagePack.SerializerOptions = JsonShapedResolver.Options(json.Value.PayloadSerializerOptions));
        builder.Services.AddSingleton<DashboardHubLifetimeManager>();
        builder.Services.AddSingleton<HubLifetimeManager<DashboardHub>>(services => services.GetRequiredService<DashboardHubLifetimeManager>());
        builder.Services.AddSingleton<HubGuard>();
        builder.AddDashboardAccess();
        builder.Services.AddOptions<PushOptions>().Bind(builder.Configuration.GetSection(PushOptions.Section));
        builder.Services.AddOptions<FanOutOptions>().Bind(builder.Configuration.GetSection(PushOptions.Section))
            .Validate(options => options.NodeMessagesPerSecond > 0, "Dashboard:Push:NodeMessagesPerSecond must be positive")
            .Validate(options => options.SendTimeout > TimeSpan.Zero, "Dashboard:Push:SendTimeout must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<DashboardObserver>();
        builder.Services.AddSingleton<ScopedGroups>();
        builder.Services.AddSingleton<ChangedEntries>();
        builder.Services.AddSingleton<PacedFanOut>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PacedFanOut>());
        builder.Services.AddSingleton<PushRegistration>();
        builder.Services.AddHostedService(services => services.GetRequiredService<PushRegistration>());

        builder.Services.AddDemoTraffic(builder.Configuration);
        builder.Services.AddDisplay(builder.Configuration);
        builder.Services.AddReporting(builder.Configuration);
        builder.Services.AddWorkOrders(builder.Configuration);
    }

    /// <summary>
    /// What a client sends is read as written: a number is a number, not a string that looks like
    /// one; a key appears once; nesting stays shallow.
    /// </summary>
    private static void StrictJson(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MaxJsonDepth;
    }

    public static void MapDashboard(this WebApplication app)
    {
        // A body that does not bind (a fraction for an integer) is the client's error in every
        // environment; in Development minimal APIs throw it instead of answering 400.
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseAssets();
        app.UseDashboardAccess();
        app.UseMiddleware<Utf8JsonOnly>();

        app.MapOpenApi().RequireAuthorization(Policies.Admin);
        app.MapDashboardTelemetry();
        app.MapDashboardHealth();
        app.MapAccess();
        app.MapIngest();
        app.MapSnapshots();
        app.MapHotlines();
        app.MapHotlineHistory();
        app.MapRegistry();
        app.MapAlerts();
        app.MapDisplay();
        app.MapTargets();
        app.MapReporting();
        app.MapWorkOrders();
        app.MapHistory();
        app.MapReplay();
        app.MapHub<DashboardHub>(HubPaths.Dashboard).RequireAuthorization(Policies.View);
        app.MapPages();
    }
}
