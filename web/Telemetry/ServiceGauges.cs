using System.Collections.Frozen;
using System.Diagnostics.Metrics;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Registry;

namespace Dashboard.Web.Telemetry;

/// <summary>
/// Gauges of the service's state rather than its traffic: open alerts by state and the registry's
/// size. Read from the grains every <see cref="Every"/>, not at each scrape, so a scrape costs no
/// grain call and a slow silo cannot stall it.
/// </summary>
public sealed class ServiceGauges : BackgroundService
{
    public const string MeterName = "Dashboard.Service";

    private static readonly TimeSpan Every = TimeSpan.FromSeconds(15);
    private static readonly AlertState[] OpenStates = [AlertState.Pending, AlertState.Firing, AlertState.Acknowledged];

    private readonly IGrainFactory grains;
    private readonly TimeProvider clock;
    private readonly ILogger<ServiceGauges> logger;
    private FrozenDictionary<AlertState, int> openAlerts = FrozenDictionary<AlertState, int>.Empty;
    private CitySnapshot? city;

    public ServiceGauges(IGrainFactory grains, IMeterFactory meters, TimeProvider clock, ILogger<ServiceGauges> logger)
    {
        this.grains = grains;
        this.clock = clock;
        this.logger = logger;
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("dashboard.alerts.open", OpenAlerts, "{alert}", "Alerts not yet resolved, by state");
        meter.CreateObservableGauge("dashboard.registry.size", RegistrySize, "{entry}", "Registered counties, institutions and rescue stations, by kind");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        try
        {
            do
            {
                await Read();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Service gauges stopped");
        }
    }

    private async Task Read()
    {
        try
        {
            var board = await grains.GetGrain<IAlertBoardGrain>(0).GetBoard();
            openAlerts = OpenStates.ToFrozenDictionary(state => state, state => board.Alerts.Count(alert => alert.State == state));
            if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is { } region)
            {
                city = await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot();
            }
        }
        catch (Exception exception)
        {
            logger.LogDebug(exception, "Could not read the alert board or the city for the service gauges");
        }
    }

    private IEnumerable<Measurement<int>> OpenAlerts() =>
        openAlerts.Select(open => new Measurement<int>(open.Value, new KeyValuePair<string, object?>("dashboard.alert.state", open.Key.ToString().ToLowerInvariant())));

    private IEnumerable<Measurement<int>> RegistrySize()
    {
        if (city is not { } snapshot)
        {
            return [];
        }

        return
        [
            Size(snapshot.Counties.Length, "county"),
            Size(snapshot.ElderlyCare.Institutions, "elderly_care"),
            Size(snapshot.ChildWelfare.Institutions, "child_welfare"),
            Size(snapshot.Rescue.Stations, "rescue_station"),
        ];
    }

    private static Measurement<int> Size(int value, string kind) => new(value, new KeyValuePair<string, object?>("dashboard.registry.kind", kind));
}
