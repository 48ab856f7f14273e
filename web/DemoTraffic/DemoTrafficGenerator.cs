using Dashboard.Contracts.Access;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Ingest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.DemoTraffic;

/// <summary>
/// Sends admissions, discharges, rescues and hotline calls to this node's own ingest API, the way a
/// bureau's systems would, with an ingest key of its own (issued at start, the previous one revoked),
/// so that a newcomer sees the wall move. Institutions fill towards a typical occupancy and drain
/// when fuller than that, so the figures stay plausible however long it runs.
/// </summary>
public sealed class DemoTrafficGenerator(
    HttpClient http,
    IServer server,
    IHostApplicationLifetime lifetime,
    IGrainFactory grains,
    IOptions<DemoTrafficOptions> options,
    TimeProvider clock,
    ILogger<DemoTrafficGenerator> logger) : BackgroundService
{
    private const double TypicalOccupancy = 0.45;

    private const string KeyIssuer = "Dashboard:DemoTraffic";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStarted(stoppingToken);
        http.BaseAddress = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
        http.DefaultRequestHeaders.Add("X-Api-Key", await IssueKey());
        var interval = TimeSpan.FromSeconds(1 / options.Value.EventsPerSecond);
        logger.LogInformation("Demo traffic: {Rate} events per second to {Address}", options.Value.EventsPerSecond, http.BaseAddress);

        using var timer = new PeriodicTimer(interval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SendOne(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("Demo traffic stopped");
        }
    }

    private async Task SendOne(CancellationToken stoppingToken)
    {
        try
        {
            if (await NextEvent() is { } next)
            {
                (await http.PostAsJsonAsync("/api/v1/events", new IngestRequest([next]), stoppingToken)).EnsureSuccessStatusCode();
            }
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(exception, "Demo traffic could not send an event");
        }
    }

    /// <summary>Mostly admissions and discharges, some rescues, and hotline calls at a county's pace.</summary>
    private async Task<IngestEvent?> NextEvent()
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { Counties.Length: > 0 } region)
        {
            return null;
        }

        var id = $"demo-{Guid.NewGuid():N}";
        var at = clock.GetUtcNow().ToString("O");
        var county = region.Counties[Random.Shared.Next(region.Counties.Length)];
        var roll = Random.Shared.Next(100);
        if (roll >= 75)
        {
            return roll >= 95
                ? new IngestEvent(id, EventTypes.HotlineCase, at, CountyCode: county.Code, Kind: Random.Shared.Next(3) == 0 ? "intervention" : "consultation")
                : new IngestEvent(id, EventTypes.HotlineCall, at, CountyCode: county.Code,
                    Direction: Random.Shared.Next(4) == 0 ? "outbound" : "inbound", Answered: Random.Shared.Next(10) != 0);
        }

        var institutions = (await grains.GetGrain<ICountyGrain>(county.Code).GetSnapshot()).Institutions.Where(institution => institution.Active).ToList();
        if (institutions.Count == 0)
        {
            return null;
        }

        var institution = institutions[Random.Shared.Next(institutions.Count)];
        if (institution.Rescue is { } rescue)
        {
            var arrive = rescue.Residents == 0 || Random.Shared.Next(2) == 0;
            return arrive
                ? new IngestEvent(id, EventTypes.RescueReceived, at, StationId: institution.Id, Minor: Random.Shared.Next(30) == 0)
                : new IngestEvent(id, Random.Shared.Next(3) == 0 ? EventTypes.RescueSettled : EventTypes.RescueReunited, at, StationId: institution.Id);
        }

        var fill = institution.Beds == 0 ? 1 : (double)institution.Occupants / institution.Beds;
        var admit = institution.Available > 0 && (institution.Occupants == 0 || Random.Shared.NextDouble() < 0.5 + (TypicalOccupancy - fill));
        return new IngestEvent(id, admit ? EventTypes.InstitutionAdmitted : EventTypes.InstitutionDischarged, at, InstitutionId: institution.Id, Count: 1);
    }

    private async Task<string> IssueKey()
    {
        var credentials = grains.GetGrain<ICredentialsGrain>(0);
        var now = clock.GetUtcNow();
        foreach (var previous in (await credentials.List()).Where(credential => credential.IsActive && credential.CreatedBy == KeyIssuer))
        {
            await credentials.Revoke(previous.Id, KeyIssuer, now);
        }

        var secret = Secrets.New(Secrets.KeyPrefix);
        await credentials.Add(new Credential(Secrets.NewId(), CredentialKind.ApiKey, "演示流量", Role.Ingest, [], now, KeyIssuer), Secrets.Hash(secret));
        return secret;
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
