using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Dashboard.Grains.Health;

/// <summary>
/// The cluster's database answers a query: grain state can be read and written. The probe has a small
/// pool of its own, so it neither waits behind grain storage under load nor clears storage's
/// connections when it fails.
/// </summary>
public sealed class PostgresHealthCheck(string storageConnectionString) : IHealthCheck
{
    private readonly string connectionString = new NpgsqlConnectionStringBuilder(storageConnectionString)
    {
        ApplicationName = "dashboard-health",
        MaxPoolSize = 2,
    }.ConnectionString;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("PostgreSQL answers");
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            // A pooled connection that the server dropped fails once; the next probe opens a new one.
            NpgsqlConnection.ClearPool(connection);
            return HealthCheckResult.Unhealthy("PostgreSQL does not answer", exception);
        }
    }
}
