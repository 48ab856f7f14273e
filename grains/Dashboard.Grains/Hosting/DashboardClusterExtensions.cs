using System.Net;
using System.Net.Sockets;
using Dashboard.Grains.Health;
using Dashboard.Grains.Storage;
using Dashboard.Grains.Telemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace Dashboard.Grains.Hosting;

/// <summary>Membership and grain state in PostgreSQL, for silos and for web nodes as clients.</summary>
public static class DashboardClusterExtensions
{
    public static DashboardClusterOptions GetClusterOptions(this IConfiguration configuration) =>
        configuration.GetSection(DashboardClusterOptions.Section).Get<DashboardClusterOptions>() ?? new();

    /// <summary>
    /// Checks the settings and the database before anything starts and applies the schema if asked
    /// to. Returns one line that says what is wrong, or null.
    /// </summary>
    public static async Task<string?> PrepareClusterDatabase(this IConfiguration configuration, bool applySchema, CancellationToken cancellationToken = default)
    {
        var cluster = configuration.GetClusterOptions();
        if ((cluster.Problem() ?? await PostgresDatabase.Problem(cluster.ConnectionString, cancellationToken)) is { } problem)
        {
            return problem;
        }

        if (applySchema)
        {
            await PostgresDatabase.ApplySchema(cluster.ConnectionString, cancellationToken);
        }

        return null;
    }

    public static ISiloBuilder AddPostgresCluster(this ISiloBuilder silo, IConfiguration configuration)
    {
        var cluster = configuration.GetClusterOptions();
        var connectionString = PostgresDatabase.Normalize(cluster.ConnectionString);

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        silo.Configure<SiloMessagingOptions>(options => options.ResponseTimeout = cluster.ResponseTimeout);
        silo.Configure<ClusterMembershipOptions>(options => options.ProbeTimeout = cluster.ProbeTimeout);
        if (!string.IsNullOrWhiteSpace(cluster.SiloName))
        {
            silo.Configure<SiloOptions>(options => options.SiloName = cluster.SiloName);
        }

        if (IPAddress.TryParse(cluster.AdvertisedAddress, out var advertised))
        {
            silo.ConfigureEndpoints(advertised, cluster.SiloPort, cluster.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(cluster.SiloPort, cluster.GatewayPort, AddressFamily.InterNetwork, listenOnAnyHostAddress: true);
        }

        silo.Services.AddHealthChecks()
            .AddReadyCheck("database", _ => new PostgresHealthCheck(connectionString))
            .AddReadyCheck<SiloMembershipHealthCheck>("silo");
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
        return silo.AddAdoNetGrainStorage(StorageNames.Dashboard, options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
    }

    /// <summary>
    /// A web node as an Orleans client. It keeps trying to reach a gateway for as long as it takes,
    /// so web nodes and silos may start in any order.
    /// </summary>
    public static IClientBuilder AddPostgresCluster(this IClientBuilder client, IConfiguration configuration)
    {
        var cluster = configuration.GetClusterOptions();
        var connectionString = PostgresDatabase.Normalize(cluster.ConnectionString);
        client.Services.AddHealthChecks()
            .AddReadyCheck("database", _ => new PostgresHealthCheck(connectionString))
            .AddReadyCheck<ClusterGatewayHealthCheck>("silos");
        client.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = cluster.ClusterId;
            options.ServiceId = cluster.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(options => options.ResponseTimeout = cluster.ResponseTimeout);
        client.UseAdoNetClustering(options =>
        {
            options.Invariant = PostgresDatabase.Invariant;
            options.ConnectionString = connectionString;
        });
        if (configuration.TracingEnabled())
        {
            client.AddActivityPropagation();
        }

        client.AddOrleansDashboard(configuration);
        return client.UseConnectionRetryFilter(RetryConnecting);
    }

    private static async Task<bool> RetryConnecting(Exception exception, CancellationToken cancellationToken)
    {
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}
