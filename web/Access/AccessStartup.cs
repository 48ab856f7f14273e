using Dashboard.Contracts.Access;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Access;

/// <summary>
/// At start: the bootstrap key, when configured, becomes a city-wide admin key of a deployment that
/// has none; and while nobody administers the deployment, the console shows where to create the first
/// administrator — the one thing a newcomer must read.
/// </summary>
public sealed partial class AccessStartup(
    IGrainFactory grains, IOptions<AuthOptions> options, FirstAdminSetup setup, IServer server,
    IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AccessStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.BootstrapKey is { Length: > 0 } key)
        {
            var bootstrap = new Credential(Secrets.NewId(), CredentialKind.ApiKey, "bootstrap", Role.Admin, [], clock.GetUtcNow(), "Dashboard:Auth:BootstrapKey");
            if (await grains.GetGrain<ICredentialsGrain>(0).AddBootstrapKey(bootstrap, Secrets.Hash(key)))
            {
                LogBootstrapKey(bootstrap.Id);
            }
        }

        if (!await grains.GetGrain<IAccountsGrain>(0).HasAdmin())
        {
            lifetime.ApplicationStarted.Register(() =>
            {
                var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://<this server>";
                LogSetupLink($"{address.TrimEnd('/')}{setup.Link}", options.Value.SetupLinkLifetime.TotalHours);
            });
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dashboard:Auth:BootstrapKey registered as the city-wide admin API key {Id}; revoke it once real keys exist")]
    private partial void LogBootstrapKey(string id);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No administrator yet. Open this link within {Hours:0} hours to create the first one (首次使用，请打开此链接创建管理员): {Link}")]
    private partial void LogSetupLink(string link, double hours);
}
