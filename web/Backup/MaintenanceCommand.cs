using Dashboard.Grains.Backup;
using Dashboard.Grains.Hosting;
using Dashboard.Web.Hosting;

namespace Dashboard.Web.Backup;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c>: work on the embedded database that the
/// same settings (<c>--data</c>, appsettings, environment) name for the service, then exit. A backup
/// may be taken while the service runs; a restore needs the service stopped and its database moved aside.
/// </summary>
public sealed record MaintenanceCommand(string? Verb, string? File, string[] Settings)
{
    private const string Process = "Dashboard.Web";

    public static MaintenanceCommand Parse(string[] args) => args switch
    {
        [("backup" or "restore") and var verb, var file, .. var settings] when !file.StartsWith('-') => new(verb, file, settings),
        [("backup" or "restore") and var verb, ..] => new(verb, null, args[1..]),
        _ => new(null, null, args),
    };

    public async Task<int> Run(WebApplicationBuilder builder)
    {
        if (File is null)
        {
            await Console.Error.WriteLineAsync($"usage: dotnet run --project web -- {Verb} <file> [--data <folder>]");
            return 64;
        }

        if (builder.IsClusterMode())
        {
            await Console.Error.WriteLineAsync($"{Process}: {Verb} works on the embedded database; a cluster's is PostgreSQL: deploy/postgres-backup");
            return 2;
        }

        var connectionString = EmbeddedOptions.From(builder.Configuration).DatabaseConnectionString(builder.Environment.ContentRootPath);
        try
        {
            if (Verb == "backup")
            {
                var copy = await SqliteBackup.Take(connectionString, File);
                Console.WriteLine($"{Process}: backed up to {copy.FullName} ({copy.Length:N0} bytes)");
            }
            else
            {
                await SqliteBackup.Restore(File, connectionString);
                Console.WriteLine($"{Process}: restored {File}; start the service to serve it");
            }

            return 0;
        }
        catch (Exception exception) when (exception is BackupException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await Console.Error.WriteLineAsync($"{Process}: {Verb} failed: {exception.Message}");
            return 2;
        }
    }
}
