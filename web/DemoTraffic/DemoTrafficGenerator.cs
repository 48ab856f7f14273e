using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Ingest;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.DemoTraffic;

/// <summary>
/// Sends admissions and discharges to this node's own ingest API, the way a bureau's systems would,
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStarted(stoppingToken);
        http.BaseAddress = new Uri(server.Features.Get<IServerAddressesFeature>()!.Addresses.First().Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal));
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

    private async Task<IngestEvent?> NextEvent()
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { Counties.Length: > 0 } region)
        {
            return null;
        }

        var county = region.Counties[Random.Shared.Next(region.Counties.Length)];
        var institutions = (await grains.GetGrain<ICountyGrain>(county.Code).GetSnapshot()).Institutions;
        if (institutions.IsEmpty)
        {
            return null;
        }

        var institution = institutions[Random.Shared.Next(institutions.Length)];
        var fill = institution.Beds == 0 ? 1 : (double)institution.Occupants / institution.Beds;
        var admit = institution.Available > 0 && (institution.Occupants == 0 || Random.Shared.NextDouble() < 0.5 + (TypicalOccupancy - fill));
        return new IngestEvent(
            Id: $"demo-{Guid.NewGuid():N}",
            Type: admit ? EventTypes.InstitutionAdmitted : EventTypes.InstitutionDischarged,
            OccurredAt: clock.GetUtcNow().ToString("O"),
            InstitutionId: institution.Id,
            Count: 1);
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
