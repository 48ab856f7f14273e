using System.Net.Http.Json;
using Dashboard.Contracts.City;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Dashboard.Testing;

/// <summary>
/// The embedded product on real Kestrel, with its own SQLite folder and silo ports. Two instances
/// given the same folder one after the other are the same deployment restarted.
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;

    private readonly Action<IServiceCollection>? testServices;

    /// <param name="testServices">Replacements a test needs, applied after the app's own services (a fake clock for one part, say).</param>
    /// <param name="port">The HTTP port; a free one when 0. A restart that pages must find again keeps it.</param>
    public DashboardApp(string? dataFolder = null, IDictionary<string, string?>? extraSettings = null, Action<IServiceCollection>? testServices = null, int port = 0)
    {
        this.testServices = testServices;
        DataFolder = dataFolder ?? Directory.CreateTempSubdirectory("dashboard-test-").FullName;
        settings = new Dictionary<string, string?>(TestCredentials.Settings.Select(pair => KeyValuePair.Create(pair.Key, (string?)pair.Value)))
        {
            ["Dashboard:Embedded:DataFolder"] = DataFolder,
            ["Dashboard:Embedded:SiloPort"] = FreePorts.Next().ToString(),
            ["Dashboard:Embedded:GatewayPort"] = FreePorts.Next().ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
            // Orleans' meters are process-wide: every test app would aggregate every other one's measurements.
            ["Dashboard:Metrics:Enabled"] = "false",
        };
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        UseKestrel(port);
        StartServer();
        Http = TestCredentials.Client(BaseAddress);
    }

    public string DataFolder { get; }

    public Uri BaseAddress => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Sends the bootstrap key: a city-wide admin.</summary>
    public HttpClient Http { get; }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    public async Task<CitySnapshot> GetCity() =>
        (await Http.GetFromJsonAsync<CitySnapshot>("/api/v1/city", Json.Options))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        // Browser tests leave wall pages connected while the app stops: Kestrel's wait for their
        // connections and the silo's stop can together outlast the default 30 s of a graceful stop.
        builder.ConfigureServices(services => services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(90)));

        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await base.DisposeAsync();
    }
}
