using System.Diagnostics.Metrics;
using Dashboard.Grains.Storage;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Tests;

/// <summary>
/// The embedded grain storage's writer, driven as Orleans' ADO.NET provider drives it: a connection
/// from the data source per command, run asynchronously. Another connection holding the write lock
/// stands for a commit in progress, so that statements queue behind it.
/// </summary>
public sealed class SqliteWriterTests
{
    [Fact]
    public async Task Statements_queued_behind_a_commit_share_the_next_one_and_none_is_answered_before_it_is_stored()
    {
        var connectionString = await Database();
        using var source = new SqliteDataSource(connectionString);
        using var commits = new CommitSizes();

        var busy = await HoldWriteLock(connectionString);
        var inserts = Enumerable.Range(1, 200).Select(id => Run(source, $"INSERT INTO Counter (Id) VALUES ({id}) RETURNING Id")).ToArray();
        Assert.DoesNotContain(inserts, insert => insert.IsCompleted);
        Assert.Equal(0L, await Count(connectionString));

        await busy.DisposeAsync();
        Assert.Equal(Enumerable.Range(1, 200).Select(id => (object)(long)id), await Task.WhenAll(inserts));
        Assert.Equal(200L, await Count(connectionString));
        Assert.Equal(200, commits.Statements);
        Assert.InRange(commits.Transactions, 1, 2);
    }

    [Fact]
    public async Task A_command_that_fails_is_undone_whole_and_gets_its_own_error_while_the_commands_queued_with_it_are_stored()
    {
        var connectionString = await Database();
        using var source = new SqliteDataSource(connectionString);

        var busy = await HoldWriteLock(connectionString);
        var before = Run(source, "INSERT INTO Counter (Id) VALUES (1)");
        var failing = Run(source, "INSERT INTO Counter (Id) VALUES (2); INSERT INTO Counter (Id) VALUES (1)");
        var after = Run(source, "INSERT INTO Counter (Id) VALUES (3)");
        await busy.DisposeAsync();

        await before;
        await after;
        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Contains("UNIQUE", error.Message, StringComparison.Ordinal);
        Assert.Equal(2L, await Count(connectionString));
        Assert.False(await Exists(connectionString, 2));
    }

    [Fact]
    public async Task When_a_commit_fails_none_of_its_statements_is_answered_as_stored_and_later_statements_commit()
    {
        var connectionString = await Database();
        using var source = new SqliteDataSource(connectionString + ";Foreign Keys=True");

        var (statements, failing) = await BetweenTwoInserts(source, connectionString, "INSERT INTO Reading (Id, CounterId) VALUES (1, 999)");

        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Contains("FOREIGN KEY", error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await Count(connectionString, "Reading"));
        await AssertTheGroupFailedAndTheWriterGoesOn(source, connectionString, statements);
    }

    [Fact]
    public async Task When_SQLite_gives_up_the_transaction_every_statement_of_it_fails_and_none_is_stored()
    {
        var connectionString = await Database();
        using var source = new SqliteDataSource(connectionString);

        var (statements, failing) = await BetweenTwoInserts(source, connectionString, "INSERT INTO Refused (Id) VALUES (1)");

        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Contains("refused", error.Message, StringComparison.Ordinal);
        await AssertTheGroupFailedAndTheWriterGoesOn(source, connectionString, statements);
    }

    /// <summary>
    /// Queues counters 1 and 2 with <paramref name="sql"/> between them behind a commit in progress,
    /// so that the failing statement shares its transaction with at least one of them.
    /// </summary>
    private static async Task<(Task<object?>[] Inserts, Task<object?> Failing)> BetweenTwoInserts(SqliteDataSource source, string connectionString, string sql)
    {
        var busy = await HoldWriteLock(connectionString);
        var first = Run(source, "INSERT INTO Counter (Id) VALUES (1)");
        var failing = Run(source, sql);
        var second = Run(source, "INSERT INTO Counter (Id) VALUES (2)");
        await busy.DisposeAsync();
        await Task.WhenAll(first, failing, second).ContinueWith(_ => { }, TaskScheduler.Default);
        return ([first, second], failing);
    }

    /// <summary>The failing statement's group-mate failed too, each counter is stored exactly when it was answered as stored, and the next statement commits.</summary>
    private static async Task AssertTheGroupFailedAndTheWriterGoesOn(SqliteDataSource source, string connectionString, Task<object?>[] inserts)
    {
        Assert.Contains(inserts, insert => insert.IsFaulted);
        foreach (var (insert, id) in inserts.Zip([1, 2]))
        {
            Assert.Equal(insert.IsCompletedSuccessfully, await Exists(connectionString, id));
        }

        await Run(source, "INSERT INTO Counter (Id) VALUES (3)");
        Assert.True(await Exists(connectionString, 3));
    }

    /// <summary>Runs one command as Orleans' ADO.NET provider does and returns the first value it read.</summary>
    private static async Task<object?> Run(SqliteDataSource source, string sql)
    {
        await using var connection = await source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetValue(0) : null;
    }

    private static async Task<string> Database()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dashboard-sqlite-writer-").FullName, "dashboard.db");
        var connectionString = $"Data Source={path}";
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await new SqliteCommand(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE Counter (Id INTEGER PRIMARY KEY);
            CREATE TABLE Reading (Id INTEGER PRIMARY KEY, CounterId INTEGER REFERENCES Counter (Id) DEFERRABLE INITIALLY DEFERRED);
            CREATE TABLE Refused (Id INTEGER PRIMARY KEY);
            CREATE TRIGGER RefuseAll BEFORE INSERT ON Refused BEGIN SELECT RAISE(ROLLBACK, 'refused'); END;
            """, connection).ExecuteNonQueryAsync();
        return connectionString;
    }

    /// <summary>Takes SQLite's write lock on a connection of its own until disposed.</summary>
    private static async Task<SqliteConnection> HoldWriteLock(string connectionString)
    {
        var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        await new SqliteCommand("BEGIN IMMEDIATE", connection).ExecuteNonQueryAsync();
        return connection;
    }

    private static async Task<long> Count(string connectionString, string table = "Counter")
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        return (long)(await new SqliteCommand($"SELECT count(*) FROM {table}", connection).ExecuteScalarAsync())!;
    }

    private static async Task<bool> Exists(string connectionString, int id)
    {
        await using var connection = new SqliteConnection(connectionString + ";Pooling=False");
        await connection.OpenAsync();
        return (long)(await new SqliteCommand($"SELECT count(*) FROM Counter WHERE Id = {id}", connection).ExecuteScalarAsync())! == 1;
    }

    /// <summary>What the writer reports of its transactions while the test runs.</summary>
    private sealed class CommitSizes : IDisposable
    {
        private readonly MeterListener listener = new();

        private int statements;

        private int transactions;

        public CommitSizes()
        {
            listener.InstrumentPublished = (instrument, meters) =>
            {
                if (instrument.Name == "dashboard.storage.sqlite.commit.statements")
                {
                    meters.EnableMeasurementEvents(instrument);
                }
            };
            listener.SetMeasurementEventCallback<int>((_, size, _, _) =>
            {
                Interlocked.Add(ref statements, size);
                Interlocked.Increment(ref transactions);
            });
            listener.Start();
        }

        public int Statements => Volatile.Read(ref statements);

        public int Transactions => Volatile.Read(ref transactions);

        public void Dispose() => listener.Dispose();
    }
}
