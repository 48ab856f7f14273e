using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Dashboard.Grains.Storage;

/// <summary>
/// Runs the grain storage's statements on one SQLite connection, many grains' statements to a
/// transaction: everything queued while a transaction commits goes into the next one, and every
/// statement is answered once the transaction holding it is durable. SQLite admits one writer and
/// <c>fsync</c>s each commit, so a transaction per grain write made a spread ingest request (60
/// grains) wait behind 60 <c>fsync</c>s in turn; sharing them makes it wait for one or two.
/// </summary>
/// <remarks>
/// Each statement runs inside a savepoint: one that fails is undone and answered with its error while
/// the others still commit, unless SQLite gave up the whole transaction (a full disk, an I/O error);
/// then every statement of the group fails, as does every statement of a group whose commit fails.
/// Nothing is answered before its commit, so a success is always durable, and a failure leaves the
/// grain to reload what is stored. The loop has a thread of its own: it waits on <c>fsync</c> and on
/// other processes' locks, which would otherwise hold one of the few thread-pool workers.
/// </remarks>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>Bounds one transaction, so that a backlog is committed in steps of a few milliseconds.</summary>
    private const int MostStatementsPerCommit = 512;

    /// <summary>
    /// SQLite's defaults, stated because the acknowledgement depends on them: every commit is
    /// <c>fsync</c>ed, and a lock held by another process (a backup) is waited for.
    /// </summary>
    private const string Durable = "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 30000;";

    private readonly string connectionString;

    private readonly Channel<QueuedStatement> queued = Channel.CreateUnbounded<QueuedStatement>(new UnboundedChannelOptions { SingleReader = true });

    private SqliteConnection? connection;

    public SqliteWriter(string connectionString)
    {
        // Not pooled: after an error the next transaction starts on a fresh native connection.
        this.connectionString = new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();
        new Thread(CommitWhileQueued) { IsBackground = true, Name = "SQLite grain storage writer" }.Start();
    }

    /// <summary>
    /// Completes once <paramref name="command"/> ran in a transaction that committed, with what it
    /// returned. There is no cancelling: a statement that was queued is committed or fails with its
    /// group, and its caller keeps the command until then.
    /// </summary>
    public Task<StatementResult> Run(SqliteCommand command)
    {
        var statement = new QueuedStatement(command);
        if (!queued.Writer.TryWrite(statement))
        {
            throw new ObjectDisposedException(nameof(SqliteWriter), "The SQLite grain storage has stopped.");
        }

        return statement.Answer.Task;
    }

    /// <summary>Takes no more statements; those already queued are still committed.</summary>
    public void Dispose() => queued.Writer.TryComplete();

    private void CommitWhileQueued()
    {
        var group = new List<QueuedStatement>();
        try
        {
            while (queued.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
            {
                while (group.Count < MostStatementsPerCommit && queued.Reader.TryRead(out var statement))
                {
                    group.Add(statement);
                }

                Commit(group);
                group.Clear();
            }
        }
        catch (Exception error)
        {
            // Unreachable by design (Commit answers every failure); should it happen, no caller waits forever.
            queued.Writer.TryComplete(error);
            foreach (var statement in group)
            {
                statement.Answer.TrySetException(error);
            }

            while (queued.Reader.TryRead(out var left))
            {
                left.Answer.TrySetException(error);
            }
        }
        finally
        {
            connection?.Dispose();
        }
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
                if (Run(statement, writer, transaction) is { } result)
                {
                    ran.Add((statement, result));
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

        foreach (var (statement, result) in ran)
        {
            statement.Answer.SetResult(result);
        }

        StorageMetrics.StatementsPerCommit.Record(group.Count);
    }

    /// <summary>
    /// Runs one statement in a savepoint; a failure undoes it alone and answers its caller, unless
    /// SQLite rolled back the whole transaction, which fails the group.
    /// </summary>
    private static StatementResult? Run(QueuedStatement statement, SqliteConnection writer, SqliteTransaction transaction)
    {
        Execute(writer, "SAVEPOINT statement", transaction);
        try
        {
            var result = StatementResult.Run(statement.Command, writer, transaction);
            Execute(writer, "RELEASE statement", transaction);
            return result;
        }
        catch (Exception error) when (raw.sqlite3_get_autocommit(writer.Handle) == 0)
        {
            Execute(writer, "ROLLBACK TO statement; RELEASE statement", transaction);
            statement.Answer.SetException(error);
            return null;
        }
    }

    private static void Execute(SqliteConnection writer, string sql, SqliteTransaction? transaction = null)
    {
        using var command = writer.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
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
            Execute(opened, Durable);
        }
        catch
        {
            opened.Dispose();
            throw;
        }

        return connection = opened;
    }
}
