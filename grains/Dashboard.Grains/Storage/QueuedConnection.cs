using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>
/// What <see cref="SqliteDataSource"/> hands the grain storage: a connection that never opens the
/// file itself; its commands run in the <see cref="SqliteWriter"/>'s transactions. It is a
/// <see cref="SqliteConnection"/> because Orleans checks that its data source makes the connections
/// of the configured invariant.
/// </summary>
internal sealed class QueuedConnection(SqliteWriter writer, string connectionString) : SqliteConnection(connectionString)
{
    private ConnectionState state = ConnectionState.Closed;

    public override ConnectionState State => state;

    public override void Open() => state = ConnectionState.Open;

    public override void Close() => state = ConnectionState.Closed;

    public override SqliteTransaction BeginTransaction(IsolationLevel isolationLevel, bool deferred) =>
        throw new NotSupportedException("The SQLite grain storage commits statements in groups; it has no transactions of its own.");

    /// <summary>A command on the file itself would bypass the writer; the grain storage's commands are <see cref="QueuedCommand"/>s.</summary>
    public override SqliteCommand CreateCommand() =>
        throw new NotSupportedException("The SQLite grain storage's commands run in its writer's transactions; create them through DbConnection.CreateCommand.");

    protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) => BeginTransaction(isolationLevel, deferred: false);

    protected override DbCommand CreateDbCommand() => new QueuedCommand(writer) { Connection = this };
}
