using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>
/// A grain storage command: its text and parameters are an ordinary <see cref="SqliteCommand"/>'s,
/// and running it queues that command in the <see cref="SqliteWriter"/> and answers after the
/// commit. It only runs asynchronously: a synchronous caller would hold a thread for a commit.
/// </summary>
internal sealed class QueuedCommand(SqliteWriter writer) : DbCommand
{
    private const string OnlyAsynchronous = "SQLite grain storage commands wait for a group commit; run them asynchronously.";

    private readonly SqliteCommand command = new();

    [AllowNull]
    public override string CommandText
    {
        get => command.CommandText;
        set => command.CommandText = value;
    }

    public override int CommandTimeout
    {
        get => command.CommandTimeout;
        set => command.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => command.CommandType;
        set => command.CommandType = value;
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource
    {
        get => command.UpdatedRowSource;
        set => command.UpdatedRowSource = value;
    }

    protected override DbConnection? DbConnection { get; set; }

    protected override DbParameterCollection DbParameterCollection => command.Parameters;

    /// <summary>Kept for the caller's sake only: the statement runs in the writer's transaction.</summary>
    protected override DbTransaction? DbTransaction { get; set; }

    /// <summary>A queued statement cannot be taken back: it commits or fails with its group.</summary>
    public override void Cancel()
    {
    }

    /// <summary>The writer prepares the statement when it runs it.</summary>
    public override void Prepare()
    {
    }

    public override int ExecuteNonQuery() => throw new NotSupportedException(OnlyAsynchronous);

    public override object? ExecuteScalar() => throw new NotSupportedException(OnlyAsynchronous);

    public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
        (await writer.Run(command)).RecordsAffected;

    public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) =>
        (await writer.Run(command)).Scalar();

    protected override DbParameter CreateDbParameter() => command.CreateParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new NotSupportedException(OnlyAsynchronous);

    protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        (await writer.Run(command)).Reader();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            command.Dispose();
        }

        base.Dispose(disposing);
    }
}
