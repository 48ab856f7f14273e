using Dashboard.Grains.Alerts;
using Dashboard.Grains.History;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Push;
using Dashboard.Grains.Registry;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
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
        silo.Services.AddOptions<IngestOptions>().Bind(configuration.GetSection(IngestOptions.Section));
        silo.Services.AddOptions<PushOptions>().Bind(configuration.GetSection(PushOptions.Section));
        silo.Services.AddOptions<RegistryOptions>().Bind(configuration.GetSection(RegistryOptions.Section));
        silo.Services.AddOptions<AlertOptions>().Bind(configuration.GetSection(AlertOptions.Section));
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
        return silo;
    }

    /// <summary>Localhost clustering and grain state in SQLite: a whole deployment in one process.</summary>
    public static ISiloBuilder AddEmbeddedCluster(this ISiloBuilder silo, IConfiguration configuration, string contentRoot)
    {
        var embedded = configuration.GetSection(EmbeddedOptions.Section).Get<EmbeddedOptions>() ?? new();
        silo.UseLocalhostClustering(embedded.SiloPort, embedded.GatewayPort);

        var connectionString = string.IsNullOrWhiteSpace(embedded.ConnectionString)
            ? $"Data Source={Path.Combine(Path.GetFullPath(embedded.DataFolder, contentRoot), "dashboard.db")}"
            : embedded.ConnectionString;

        if (embedded.ApplySchema)
        {
            silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services =>
                new SqliteSchema(connectionString, services.GetRequiredService<ILogger<SqliteSchema>>()));
        }

        return silo.AddAdoNetGrainStorage(StorageNames.Dashboard, options =>
        {
            options.Invariant = SqliteInvariant;
            options.DataSource = new SqliteDataSource(connectionString);
        });
    }
}
