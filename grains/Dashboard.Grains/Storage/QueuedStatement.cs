using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>A statement waiting in the <see cref="SqliteWriter"/>, and its caller's answer.</summary>
internal sealed class QueuedStatement(SqliteCommand command)
{
    public SqliteCommand Command { get; } = command;

    public TaskCompletionSource<StatementResult> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
