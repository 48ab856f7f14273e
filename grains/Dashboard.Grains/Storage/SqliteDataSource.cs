using System.Data.Common;

namespace Dashboard.Grains.Storage;

/// <summary>
/// The embedded silo's grain storage connections for Orleans' ADO.NET provider. The provider opens a
/// connection per read or write and runs one command on it; here every such command joins the
/// <see cref="SqliteWriter"/>, so the writes of many grains share one transaction and one
/// <c>fsync</c> (SQLite has one writer), and none waits on a thread for its turn.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    private readonly SqliteWriter writer = new(connectionString);

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new QueuedConnection(writer, connectionString);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writer.Dispose();
        }

        base.Dispose(disposing);
    }
}
