using Npgsql;

namespace Dashboard.Grains.Storage;

/// <summary>The PostgreSQL database of a cluster: connection settings and the project's schema.</summary>
public static class PostgresDatabase
{
    /// <summary>The ADO.NET invariant under which Orleans finds Npgsql.</summary>
    public const string Invariant = "Npgsql";

    /// <summary>Well below PostgreSQL's default 100 connections, which several silos share.</summary>
    private const int DefaultMaxPoolSize = 16;

    /// <summary>Serialises schema scripts when several silos start at once.</summary>
    private const long SchemaLockKey = 0x44617368_626f6172;

    public static string Normalize(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Pool Size", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxPoolSize = DefaultMaxPoolSize;
        }

        return builder.ConnectionString;
    }

    /// <summary>Opens a connection once, so that a wrong setting fails at start with one clear line.</summary>
    public static async Task<string?> Problem(string connectionString, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "Dashboard:Cluster:ConnectionString is empty; cluster mode needs a PostgreSQL connection string";
        }

        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException exception)
        {
            return $"Dashboard:Cluster:ConnectionString is not a valid PostgreSQL connection string: {exception.Message}";
        }

        try
        {
            await using var connection = new NpgsqlConnection(Normalize(connectionString));
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return $"Cannot connect to PostgreSQL at {builder.Host}:{builder.Port}, database '{builder.Database}': {exception.Message}";
        }
    }

    /// <summary>Runs every script in one transaction under an advisory lock; all of them are idempotent.</summary>
    public static async Task ApplySchema(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Normalize(connectionString));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
        {
            command.Parameters.AddWithValue("key", SchemaLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (_, script) in SchemaScripts.For(SchemaScripts.PostgreSql))
        {
            await using var command = new NpgsqlCommand(script, connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
