using System.Diagnostics;
using System.Net.Http.Json;
using Dashboard.Contracts.City;

namespace Dashboard.Testing;

/// <summary>
/// The embedded product as its own operating-system process, built next to the tests, so that a
/// test can end it the hard way (SIGKILL) and start it again on the same data folder.
/// </summary>
public sealed class WebProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;

    private WebProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    public static async Task<WebProcess> Start(string dataFolder)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "Dashboard.Web.dll"),
                "--urls", $"http://127.0.0.1:{port}",
                "--Dashboard:Embedded:DataFolder", dataFolder,
                "--Dashboard:Embedded:SiloPort", FreePorts.Next().ToString(),
                "--Dashboard:Embedded:GatewayPort", FreePorts.Next().ToString(),
                "--Logging:LogLevel:Default", "Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var web = new WebProcess(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        web.process.OutputDataReceived += (_, _) => { };
        web.process.ErrorDataReceived += (_, _) => { };
        web.process.BeginOutputReadLine();
        web.process.BeginErrorReadLine();
        await web.WaitUntilReady();
        return web;
    }

    public async Task<CitySnapshot> GetCity() => (await Http.GetFromJsonAsync<CitySnapshot>("/api/v1/city", Json.Options))!;

    /// <summary>SIGKILL: no shutdown code runs, buffers that were not flushed are gone.</summary>
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

    private async Task WaitUntilReady()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The web process exited with code {process.ExitCode} before it was ready");
            }

            try
            {
                if ((await Http.GetAsync("/health/ready", timeout.Token)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token);
        }
    }
}
