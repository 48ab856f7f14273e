using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using Dashboard.Contracts.City;

namespace Dashboard.Testing;

/// <summary>
/// A silo or web node as its own operating-system process, run from its project's build output, so
/// that a test can kill it the hard way (SIGKILL) and start it again.
/// </summary>
public sealed class DashboardProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process process;
    private readonly ConcurrentQueue<string> errors = new();
    private readonly ConcurrentQueue<string> output = new();

    /// <summary>The pages live in the project (wwwroot), not in the build output.</summary>
    private static string WebContentRoot => Path.Combine(Repository.Root, "web");

    private DashboardProcess(Process process, string name, Uri? baseAddress)
    {
        this.process = process;
        Name = name;
        BaseAddress = baseAddress;
        Http = TestCredentials.Client(baseAddress, timeout: TimeSpan.FromSeconds(30));
    }

    public string Name { get; }

    /// <summary>A web node's address, or a silo's management port.</summary>
    public Uri? BaseAddress { get; }

    public HttpClient Http { get; }

    /// <summary>What the process has written to standard output so far (its console log), line by line.</summary>
    public IReadOnlyList<string> Output => [.. output];

    /// <summary>A web node, ready once <c>/health/ready</c> answers; on a port of its own unless one is given.</summary>
    public static async Task<DashboardProcess> StartWeb(string name, IReadOnlyDictionary<string, string> settings, int? listenPort = null)
    {
        var port = listenPort ?? FreePorts.Next();
        var web = Launch("web", "Dashboard.Web.dll", name,
            settings.Append(new("urls", $"http://127.0.0.1:{port}")).Append(new("contentRoot", WebContentRoot)),
            new Uri($"http://127.0.0.1:{port}"));
        await web.WaitUntil(async token => (await web.Http.GetAsync("/health/ready", token)).IsSuccessStatusCode);
        return web;
    }

    /// <summary>The embedded product on a data folder of its own (the same folder again is a restart).</summary>
    public static Task<DashboardProcess> StartEmbedded(string name, string dataFolder, IReadOnlyDictionary<string, string>? settings = null, int? listenPort = null) =>
        StartWeb(name, new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["Dashboard:Embedded:DataFolder"] = dataFolder,
            ["Dashboard:Embedded:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Embedded:GatewayPort"] = FreePorts.Next().ToString(),
        }, listenPort);

    /// <summary>
    /// A cluster silo, ready once its management port says so (it is active in the cluster and its
    /// database answers); <see cref="BaseAddress"/> is that port.
    /// </summary>
    public static async Task<DashboardProcess> StartSilo(string name, IReadOnlyDictionary<string, string> settings)
    {
        var management = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        var silo = Launch("silo", "Dashboard.Silo.dll", name,
            settings.Append(new("Dashboard:Cluster:ManagementUrl", management.ToString())), management);
        await silo.WaitUntil(async token => (await silo.Http.GetAsync("/health/ready", token)).IsSuccessStatusCode);
        return silo;
    }

    /// <summary>
    /// The embedded product started with settings it should refuse: its exit code and the lines it wrote
    /// to standard error before it stopped by itself.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Errors)> StartRefused(IReadOnlyDictionary<string, string> settings)
    {
        var web = Launch("web", "Dashboard.Web.dll", "refused", settings
            .Append(new("Dashboard:Embedded:DataFolder", Directory.CreateTempSubdirectory("dashboard-refused-").FullName))
            .Append(new("urls", $"http://127.0.0.1:{FreePorts.Next()}")).Append(new("contentRoot", WebContentRoot)), baseAddress: null);
        await using (web)
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await web.process.WaitForExitAsync(timeout.Token);
            web.process.WaitForExit();
            return (web.process.ExitCode, [.. web.errors]);
        }
    }

    public async Task<CitySnapshot> GetCity() => (await Http.GetFromJsonAsync<CitySnapshot>("/api/v1/city", Json.Options))!;

    /// <summary>The process's resident memory and the processor time it has used so far.</summary>
    public ProcessUsage Usage()
    {
        process.Refresh();
        return new ProcessUsage(process.WorkingSet64, process.TotalProcessorTime);
    }

    /// <summary>SIGKILL: no shutdown code runs; whatever was not written is gone.</summary>
    public async Task Kill()
    {
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await Kill();
        }

        process.Dispose();
        Http.Dispose();
    }

    /// <summary>
    /// A maintenance command of the web node (<c>backup &lt;file&gt;</c>, <c>restore &lt;file&gt;</c>) on
    /// an embedded data folder: its exit code and every line it wrote.
    /// </summary>
    public static async Task<(int ExitCode, IReadOnlyList<string> Lines)> RunCommand(string[] command, string dataFolder)
    {
        var web = Launch("web", "Dashboard.Web.dll", command[0], [new("Dashboard:Embedded:DataFolder", dataFolder), new("contentRoot", WebContentRoot)],
            baseAddress: null, command);
        await using (web)
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            await web.process.WaitForExitAsync(timeout.Token);
            web.process.WaitForExit();
            return (web.process.ExitCode, [.. web.output, .. web.errors]);
        }
    }

    private static DashboardProcess Launch(
        string project, string assembly, string name, IEnumerable<KeyValuePair<string, string>> settings, Uri? baseAddress,
        string[]? command = null)
    {
        var folder = Repository.BuildOutput(project);
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(folder, assembly));
        foreach (var argument in command ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in TestCredentials.Settings.Concat(settings).Append(new("Logging:LogLevel:Default", "Warning")))
        {
            start.ArgumentList.Add($"--{key}");
            start.ArgumentList.Add(value);
        }

        var process = Process.Start(start)!;
        var launched = new DashboardProcess(process, name, baseAddress);
        process.OutputDataReceived += (_, line) => Keep(launched.output, line.Data);
        process.ErrorDataReceived += (_, line) => Keep(launched.errors, line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return launched;
    }

    private static void Keep(ConcurrentQueue<string> lines, string? line)
    {
        if (line is not null)
        {
            lines.Enqueue(line);
        }
    }

    /// <summary>A process that never got ready is killed, so that it does not outlive the test that started it.</summary>
    private async Task WaitUntil(Func<CancellationToken, Task<bool>> ready)
    {
        try
        {
            await PollUntil(ready);
        }
        catch
        {
            await DisposeAsync().AsTask().ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }
    }

    private async Task PollUntil(Func<CancellationToken, Task<bool>> ready)
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready");
            }

            try
            {
                if (await ready(timeout.Token))
                {
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or SocketException && !timeout.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
