using System.Diagnostics;
using Npgsql;

namespace Dashboard.Testing;

/// <summary>
/// A real PostgreSQL server of the machine's installation, in a temporary folder on a free port,
/// started for the tests and removed after them. As root it runs as the postgres user, because
/// initdb and postgres refuse to run as root.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string folder;
    private readonly string bin;
    private string options = string.Empty;

    private PostgresServer(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=16";

    /// <summary>
    /// Starts a server. Tests run without fsync: the crashes they cause kill processes, not the
    /// machine, so what PostgreSQL wrote is in the OS's cache either way. The benchmark passes
    /// <paramref name="flushToDisk"/>, because its figures are for acknowledgements that survive a
    /// power cut.
    /// </summary>
    public static async Task<PostgresServer> Start(bool flushToDisk = false)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").OrderByDescending(path => path, StringComparer.Ordinal)
            .Select(path => Path.Combine(path, "bin")).FirstOrDefault(path => File.Exists(Path.Combine(path, "initdb")))
            ?? throw new InvalidOperationException("PostgreSQL is not installed: apt-get install -y postgresql (tests/run does it)");
        var folder = Directory.CreateTempSubdirectory("dashboard-pg-").FullName;
        var server = new PostgresServer(folder, bin, FreePorts.Next());
        await server.Run("chown", "postgres", folder);
        await server.RunAsPostgres("initdb", "-D", server.Data, "-A", "trust", "-U", "postgres", "--no-sync");
        server.options = $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync={(flushToDisk ? "on" : "off")} -c max_connections=200";
        await server.Resume();
        return server;
    }

    /// <summary>Stops the server as an operator would (fast shutdown: sessions are ended).</summary>
    public Task Pause() => RunAsPostgres("pg_ctl", "-D", Data, "-m", "fast", "-w", "stop");

    /// <summary>Starts the server again on the same port and data.</summary>
    public Task Resume() => RunAsPostgres("pg_ctl", "-D", Data, "-w", "-l", Path.Combine(folder, "server.log"), "-o", options, "start");

    /// <summary>A new, empty database for one test, so tests do not see each other's state.</summary>
    public async Task<string> CreateDatabase()
    {
        var name = $"test_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await new NpgsqlCommand($"CREATE DATABASE {name}", connection).ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (File.Exists(Path.Combine(Data, "postmaster.pid")))
        {
            await RunAsPostgres("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(folder, recursive: true);
    }

    private string Data => Path.Combine(folder, "data");

    private Task RunAsPostgres(string tool, params string[] arguments)
    {
        var command = Path.Combine(bin, tool);
        return Environment.UserName == "root"
            ? Run("su", "postgres", "-s", "/bin/sh", "-c", string.Join(' ', arguments.Prepend(command).Select(Quote)))
            : Run(command, arguments);
    }

    private async Task Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output}{await error}");
        }
    }

    private static string Quote(string argument) => $"'{argument.Replace("'", "'\\''", StringComparison.Ordinal)}'";
}
