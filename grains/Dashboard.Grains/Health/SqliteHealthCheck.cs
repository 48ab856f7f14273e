using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Dashboard.Grains.Health;

/// <summary>
/// The embedded database file can be opened and read. It reads beside the grains' writer (the file is
/// in WAL mode), so a probe never waits for a write.
/// </summary>
public sealed class SqliteHealthCheck(string connectionString) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqliteCommand("SELECT count(*) FROM sqlite_master", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy("the SQLite database answers");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy("the SQLite database cannot be read", exception);
        }
    }
}
