using Dashboard.Grains.Alerts;
using Dashboard.Grains.Backup;
using Dashboard.Grains.Health;
using Dashboard.Grains.History;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Push;
using Dashboard.Grains.Registry;
using Dashboard.Grains.Storage;
using Dashboard.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Dashboard.Grains.Hosting;

/// <summary>The one silo configuration, used by the embedded web host and by the standalone silo.</summary>
public static class DashboardSiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant under which Orleans finds Microsoft.Data.Sqlite.</summary>
    private const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The grains' services and options, whatever the clustering and storage.</summary>
    public static ISiloBuilder AddDashboard(this ISiloBuilder silo, IConfiguration configuration)
    {
        silo.Services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section))
            .Validate(options => options.AllowedClockSkew >= TimeSpan.Zero, "Dashboard:Ingest:AllowedClockSkew must not be negative")
            .Validate(options => options.DedupeWindow > options.AllowedClockSkew,
                "Dashboard:Ingest:DedupeWindow must be longer than Dashboard:Ingest:AllowedClockSkew: a retry of an event from the sender's future would be counted twice")
            .ValidateOnStart();
        silo.Services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section))
            .Validate(options => options.FlushInterval > TimeSpan.Zero && options.FlushInterval <= TimeSpan.FromSeconds(10),
                "Dashboard:Push:FlushInterval must be above zero and at most 10 seconds")
            .Validate(options => options.ObserverRefreshInterval > TimeSpan.Zero, "Dashboard:Push:ObserverRefreshInterval must be positive")
            .Validate(options => options.SubscriptionLifetime > 2 * options.ObserverRefreshInterval,
                "Dashboard:Push:SubscriptionLifetime must be more than twice Dashboard:Push:ObserverRefreshInterval")
            .ValidateOnStart();
        silo.Services.AddOptions<RegistryOptions>().Bind(configuration.GetSection(RegistryOptions.Section))
            .Validate(options => options.DemoHistoryDays is >= 0 and <= DemoDayFigures.Days,
                $"Dashboard:Registry:DemoHistoryDays must be between 0 and {DemoDayFigures.Days}")
            .ValidateOnStart();
        silo.Services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section)).ValidateOnStart();
        silo.Services.AddSingleton<IValidateOptions<AlertOptions>, AlertOptionsCheck>();
        silo.Services.AddOptions<HistoryOptions>().Bind(configuration.GetSection(HistoryOptions.Section))
            .Validate(options => options.RecordEvery > TimeSpan.Zero, "Dashboard:History:RecordEvery must be positive").ValidateOnStart();
        silo.Services.TryAddSingleton(TimeProvider.System);

        // Orleans' own serializer for grain state: compact, version tolerant through [Id], and able
        // to store grain references (the push directory's keys), which the JSON default is not.
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        silo.Services.AddSingleton<UpdateNotifier>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<UpdateNotifier>());
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, RegistrySeeder>();
        silo.Services.AddHostedService<AlertHeartbeat>();
        silo.Services.AddHostedService<DayRecorder>();
        if (configuration.TracingEnabled())
        {
            silo.AddActivityPropagation();
        }

        silo.AddOrleansDashboard(configuration);
        return silo;
    }

    /// <summary>Localhost clustering and grain state in SQLite: a whole deployment in one process.</summary>
    public static ISiloBuilder AddEmbeddedCluster(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        var embedded = EmbeddedOptions.From(configuration);
        silo.UseLocalhostClustering(embedded.SiloPort, embedded.GatewayPort);
        var connectionString = embedded.DatabaseConnectionString(contentRoot);

        if (embedded.ApplySchema)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new SqliteSchema(connectionString, services.GetRequiredService<ILogger<SqliteSchema>>()));
        }

        silo.Services.AddScheduledBackup(configuration, connectionString, embedded.DataFolderPath(contentRoot));
        silo.Services.AddHealthChecks()
            .AddReadyCheck("database", _ => new SqliteHealthCheck(connectionString))
            .AddReadyCheck<SiloMembershipHealthCheck>("silo");
        return silo.AddAdoNetGrainStorage(StorageNames.Dashboard, options =>
        {
            options.Invariant = SqliteInvariant;
            options.DataSource = new SqliteDataSource(connectionString);
        });
    }
}
