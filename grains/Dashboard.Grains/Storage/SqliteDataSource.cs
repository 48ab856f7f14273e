using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Hands Orleans SQLite connections one at a time. SQLite admits a single writer; left to itself, a
/// second writer sleeps in SQLite's busy handler, on a thread-pool thread, with back-offs of up to
/// 100 ms even when the lock was released a moment later. Here a connection waits for its turn
/// without a thread, in arrival order, and starts the moment the previous one closes, which keeps
/// grain writes (and every acknowledgement that waits for them) short and the thread pool free for
/// pushing updates. Reads take the same turn: they are rare (activations) and as short as a write.
/// The busy timeout stays for other processes on the same file (a second instance, a backup).
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    private const string WaitForLocks = "PRAGMA busy_timeout = 30000;";

    private readonly SemaphoreSlim turn = new(1, 1);

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new SqliteConnection(connectionString);

    protected override DbConnection OpenDbConnection()
    {
        turn.Wait();
        return OpenInTurn();
    }

    protected override async ValueTask<DbConnection> OpenDbConnectionAsync(CancellationToken cancellationToken = default)
    {
        await turn.WaitAsync(cancellationToken);
        return OpenInTurn();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            turn.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>Opens a connection that gives the turn back when it is closed (disposing closes it).</summary>
    private DbConnection OpenInTurn()
    {
        var connection = CreateDbConnection();
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = WaitForLocks;
                command.ExecuteNonQuery();
            }

            connection.StateChange += GiveBackTurn;
            return connection;
        }
        catch
        {
            connection.Dispose();
            turn.Release();
            throw;
        }
    }

    private void GiveBackTurn(object? sender, StateChangeEventArgs change)
    {
        if (change.CurrentState == ConnectionState.Closed)
        {
            ((DbConnection)sender!).StateChange -= GiveBackTurn;
            turn.Release();
        }
    }
}
