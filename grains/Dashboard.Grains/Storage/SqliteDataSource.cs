using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Hands Orleans SQLite connections that wait for the write lock inside SQLite. Without a busy
/// timeout, SQLite answers a concurrent writer with SQLITE_BUSY at once and Microsoft.Data.Sqlite
/// retries after a coarse sleep, which costs about 100 ms per contended write; SQLite's own busy
/// handler retries within milliseconds. The 30 s limit is Microsoft.Data.Sqlite's default command timeout.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    private const string WaitForLocks = "PRAGMA busy_timeout = 30000;";

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        var connection = CreateDbConnection();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = WaitForLocks;
        command.ExecuteNonQuery();
        return connection;
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        var connection = CreateDbConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = WaitForLocks;
        await command.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }
}
