using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Dashboard.Grains.Health;

/// <summary>The cluster's database answers a query: grain state can be read and written.</summary>
public sealed class PostgresHealthCheck(string connectionString) : IHealthCheck
{
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
