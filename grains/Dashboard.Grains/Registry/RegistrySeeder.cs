using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.History;
using Dashboard.Grains.Hotlines;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.Registry;

/// <summary>Loads the configured registry folder when the silo becomes active, once per deployment.</summary>
public sealed class RegistrySeeder(
    IGrainFactory grains,
    IOptions<RegistryOptions> options,
    TimeProvider clock,
    ILogger<RegistrySeeder> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Small enough that a part is registered well within the call timeout, even on a slow database.</summary>
    private const int InstitutionsPerCall = 500;


    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(RegistrySeeder), ServiceLifecycleStage.Active, Seed);

    private async Task Seed(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.SeedFolder))
        {
            return;
        }

        var folder = Path.GetFullPath(options.Value.SeedFolder, AppContext.BaseDirectory);
        var region = RegistryFiles.ReadRegion(folder);
        var institutions = RegistryFiles.ReadInstitutions(folder, region, options.Value.Demo, BureauCalendar.LocalDate(clock.GetUtcNow()));
        var hotlines = RegistryFiles.ReadHotlineOpenings(folder);
        var registry = grains.GetGrain<IRegistryGrain>(0);
        if (await registry.BeginLoad(region, hotlines, options.Value.Demo))
        {
            foreach (var part in institutions.Chunk(InstitutionsPerCall))
            {
                await registry.Register([.. part]);
            }

            if (options.Value.Demo && options.Value.DemoHistoryDays > 0)
            {
                var today = BureauCalendar.LocalDate(clock.GetUtcNow());
                await WriteDemoHistory(region, today, options.Value.DemoHistoryDays);
                await WriteDemoDays(region, today, options.Value.DemoHistoryDays);
            }

            await registry.CompleteLoad();
            logger.LogInformation("Loaded the registry from {Folder}: {Count} institutions in {Counties} counties", folder, institutions.Length, region.Counties.Length);
        }
    }

    /// <summary>
    /// Past daily figures of every scope, from the figures the registry gives them today (one write per
    /// scope and month), and the institutions of the days the demo hotline history covers.
    /// </summary>
    private async Task WriteDemoDays(Region region, DateOnly today, int institutionDays)
    {
        var city = await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot();
        var counties = await Task.WhenAll(region.ScopeCodes.Select(code => grains.GetGrain<ICountyGrain>(code).GetSnapshot()));
        var scopes = counties.Select(county => (county.Code, Days: DemoDayFigures.Of(county, today, cityLine: county.Code == region.CityCode))).ToList();
        var months = scopes.Append((Code: ScopeHistory.City, Days: DemoDayFigures.Sum(city.AsScope(), scopes.Select(scope => scope.Days))))
            .SelectMany(scope => scope.Days.GroupBy(day => ScopeHistory.Key(scope.Code, day.Day)));
        await Parallel.ForEachAsync(months, async (month, _) => await grains.GetGrain<IScopeMonthGrain>(month.Key).KeepAll([.. month]));

        var institutions = counties.SelectMany(county => Enumerable.Range(1, Math.Min(institutionDays, DemoDayFigures.Days))
            .Select(back => today.AddDays(-back))
            .Select(day => (Key: ScopeHistory.InstitutionsKey(county.Code, day), Day: day, County: county)));
        await Parallel.ForEachAsync(institutions, async (entry, _) => await grains.GetGrain<IInstitutionsDayGrain>(entry.Key)
            .Keep(new InstitutionsDay(entry.Day, DemoDayFigures.Midnight(entry.Day), 0, DemoDayFigures.Institutions(entry.County, entry.Day, today))));
    }

    /// <summary>Before the load completes, so that a load interrupted by a crash writes it again (setting, not adding).</summary>
    private Task WriteDemoHistory(Region region, DateOnly today, int days) =>
        HotlineDays.SetHistory(grains, region.ScopeCodes.SelectMany(line => Enumerable.Range(2, Math.Max(0, days))
            .Select(back => today.AddDays(-back))
            .Select(day => new HotlineHistoryDay(line, day, DemoHotlineHistory.Day(line, day, cityLine: line == region.CityCode)))));
}
