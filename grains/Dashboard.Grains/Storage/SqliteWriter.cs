using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Runs the grain storage's statements on one SQLite connection, many grains' statements to a
/// transaction: everything queued while a transaction commits goes into the next one, and every
/// statement is answered once the transaction holding it is durable. SQLite admits one writer and
/// <c>fsync</c>s each commit; one commit per grain write made a spread ingest request (60 grains)
/// wait behind 60 <c>fsync</c>s in turn. Now it waits for one or two, whatever the load.
/// </summary>
/// <remarks>
/// A statement that fails is answered with its error and the others still commit, unless SQLite gave
/// up the whole transaction (a full disk, an I/O error); then every statement of the group fails, as
/// does every statement of a group whose commit fails. Nothing is answered before its commit, so a
/// success is always durable, and a failure leaves the grain to reload what is stored.
/// </remarks>
public sealed class SqliteWriter : IDisposable
{
    /// <summary>Bounds one transaction, so that a backlog is committed in steps of a few milliseconds.</summary>
    private const int MostStatementsPerCommit = 512;

    private const string WaitForLocks = "PRAGMA busy_timeout = 30000;";

    private readonly string connectionString;

    private readonly Channel<QueuedStatement> queued = Channel.CreateUnbounded<QueuedStatement>(new UnboundedChannelOptions { SingleReader = true });

    private SqliteConnection? connection;

    public SqliteWriter(string connectionString)
    {
        this.connectionString = connectionString;
        _ = Task.Run(CommitWhileQueued);
    }

    /// <summary>Completes once <paramref name="command"/> ran in a transaction that committed, with what it returned.</summary>
    public Task<StatementResult> Run(SqliteCommand command, CancellationToken cancellationToken)
    {
        var statement = new QueuedStatement(command);
        if (!queued.Writer.TryWrite(statement))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite grain storage has stopped.");
        }

        return statement.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Takes no more statements; those already queued are still committed.</summary>
    public void Dispose() => queued.Writer.TryComplete();

    private async Task CommitWhileQueued()
    {
        var group = new List<QueuedStatement>();
        while (await queued.Reader.WaitToReadAsync())
        {
            while (group.Count < MostStatementsPerCommit && queued.Reader.TryRead(out var statement))
            {
                group.Add(statement);
            }

            Commit(group);
            group.Clear();
        }

        connection?.Dispose();
    }

    private void Commit(List<QueuedStatement> group)
    {
        var ran = new List<(QueuedStatement Statement, StatementResult Result)>(group.Count);
        try
        {
            var writer = Open();
            using var transaction = writer.BeginTransaction(deferred: false);
            foreach (var statement in group)
            {
                try
                {
                    ran.Add((statement, StatementResult.Run(statement.Command, writer, transaction)));
                }
                catch (SqliteException error) when (raw.sqlite3_get_autocommit(writer.Handle) == 0)
                {
                    statement.Answer.SetException(error);
                }
            }

            transaction.Commit();
        }
        catch (Exception error)
        {
            connection?.Dispose();
            connection = null;
            foreach (var statement in group)
            {
                statement.Answer.TrySetException(error);
            }

            return;
        }

        StorageMetrics.StatementsPerCommit.Record(group.Count);
        foreach (var (statement, result) in ran)
        {
            statement.Answer.SetResult(result);
        }
    }

    private SqliteConnection Open()
    {
        if (connection is not null)
        {
            return connection;
        }

        var opened = new SqliteConnection(connectionString);
        try
        {
            opened.Open();
            using var command = opened.CreateCommand();
            command.CommandText = WaitForLocks;
            command.ExecuteNonQuery();
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        return connection = opened;
    }
}
