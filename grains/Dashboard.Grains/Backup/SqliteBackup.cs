using Microsoft.Data.Sqlite;

namespace Dashboard.Grains.Backup;

/// <summary>
/// Copies of the embedded SQLite database. A copy is taken with <c>VACUUM INTO</c> inside one read
/// transaction, so it holds exactly the writes committed when it started (every acknowledged event
/// before that moment, with its dedupe record) while the service goes on writing beside it.
/// </summary>
public static class SqliteBackup
{
    public const string ScheduledPrefix = "dashboard-";
    public const string Extension = ".db";

    /// <summary>
    /// Writes the copy beside <paramref name="file"/> first and renames it, so a copy that exists is
    /// whole. The copy holds users, key hashes and the audit trail: only its owner may read it.
    /// </summary>
    public static async Task<FileInfo> Take(string connectionString, string file, CancellationToken cancellationToken = default)
    {
        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (!File.Exists(database))
        {
            throw new BackupException($"there is no database at {database}; check --data");
        }

        var target = new FileInfo(Path.GetFullPath(file));
        if (target.Exists)
        {
            throw new BackupException($"{target.FullName} already exists; name a new file");
        }

        target.Directory!.Create();
        var partial = target.FullName + ".partial";
        File.Delete(partial);
        await using (var connection = new SqliteConnection(ReadOnly(database)))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new SqliteCommand("VACUUM INTO @file", connection);
            command.Parameters.AddWithValue("@file", partial);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(partial, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(partial, target.FullName);
        target.Refresh();
        return target;
    }

    /// <summary>Deletes the oldest scheduled copies in <paramref name="folder"/> beyond the newest <paramref name="keep"/>.</summary>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var old = Directory.EnumerateFiles(folder, $"{ScheduledPrefix}*{Extension}")
            .OrderDescending(StringComparer.Ordinal).Skip(keep).ToList();
        old.ForEach(File.Delete);
        return old;
    }

    /// <summary>
    /// Makes <paramref name="backup"/> the database of <paramref name="connectionString"/>, after checking
    /// it is a whole dashboard database. Refuses to overwrite an existing database: the running
    /// service may be using it, and it may be the only copy of something.
    /// </summary>
    public static async Task Restore(string backup, string connectionString, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(backup))
        {
            throw new BackupException($"{backup} does not exist");
        }

        var database = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        if (new[] { database, database + "-wal", database + "-shm" }.FirstOrDefault(File.Exists) is { } existing)
        {
            throw new BackupException($"{existing} exists; stop the service and move its data folder aside first");
        }

        await Check(backup, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        var partial = database + ".partial";
        File.Copy(backup, partial, overwrite: true);
        File.Move(partial, database);
    }

    private static string ReadOnly(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    private static async Task Check(string backup, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(ReadOnly(backup));
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var integrity = new SqliteCommand("PRAGMA integrity_check", connection);
            if (await integrity.ExecuteScalarAsync(cancellationToken) as string != "ok")
            {
                throw new BackupException($"{backup} is damaged (SQLite integrity check failed)");
            }

            await using var storage = new SqliteCommand("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'OrleansStorage'", connection);
            if (Convert.ToInt64(await storage.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                throw new BackupException($"{backup} is not a dashboard database (it has no grain storage)");
            }
        }
        catch (SqliteException exception)
        {
            throw new BackupException($"{backup} is not a SQLite database: {exception.Message}");
        }
    }
}
