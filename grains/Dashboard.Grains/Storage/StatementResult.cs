using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Storage;

/// <summary>
/// What a statement returned, read whole inside its transaction so that its caller can read it after
/// the commit: every result set's rows, and how many rows it changed.
/// </summary>
internal sealed class StatementResult
{
    private readonly DataTable[] resultSets;

    private StatementResult(DataTable[] resultSets, int recordsAffected)
    {
        this.resultSets = resultSets;
        RecordsAffected = recordsAffected;
    }

    public int RecordsAffected { get; }

    public DbDataReader Reader() => new DataTableReader(resultSets);

    /// <summary>The first column of the first row, as <see cref="DbCommand.ExecuteScalar"/> answers.</summary>
    public object? Scalar() => resultSets[0].Rows.Count > 0 && resultSets[0].Columns.Count > 0 ? resultSets[0].Rows[0][0] : null;

    internal static StatementResult Run(SqliteCommand command, SqliteConnection connection, SqliteTransaction transaction)
    {
        command.Connection = connection;
        command.Transaction = transaction;
        try
        {
            using var reader = command.ExecuteReader();
            var resultSets = new List<DataTable>();
            do
            {
                resultSets.Add(ReadResultSet(reader));
            }
            while (reader.NextResult());

            return new StatementResult([.. resultSets], reader.RecordsAffected);
        }
        finally
        {
            command.Transaction = null;
            command.Connection = null;
        }
    }

    private static DataTable ReadResultSet(SqliteDataReader reader)
    {
        var table = new DataTable();
        for (var column = 0; column < reader.FieldCount; column++)
        {
            table.Columns.Add(reader.GetName(column), typeof(object));
        }

        var values = new object[reader.FieldCount];
        while (reader.Read())
        {
            reader.GetValues(values);
            table.Rows.Add(values);
        }

        return table;
    }
}
