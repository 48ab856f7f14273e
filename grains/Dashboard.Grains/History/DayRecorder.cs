using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Registry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.History;

/// <summary>
/// Keeps today's figures of the city, every county and 市本级 (with their institutions), once per interval from every silo and
/// at start: each record replaces the day's earlier one, so the day's last record before midnight is
/// its end, and a retry, a second silo or a restart across midnight neither doubles nor drops a day.
/// </summary>
public sealed class DayRecorder(IGrainFactory grains, IOptions<HistoryOptions> options, TimeProvider clock, ILogger<DayRecorder> logger) : BackgroundService
{
    /// <summary>What was last kept per scope: an unchanged scope is not written again the same day.</summary>
    private readonly Dictionary<string, (DateOnly Day, long Version)> kept = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecordEvery, clock);
        try
        {
            do
            {
                await RecordOnce();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogDebug("Day recorder stopped");
        }
    }

    private async Task RecordOnce()
    {
        try
        {
            await Record(grains, clock, kept);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "Today's figures could not be recorded; trying again in {Interval}", options.Value.RecordEvery);
        }
    }

    /// <summary>Records today's figures of every scope now; also what the admin endpoint calls on demand.</summary>
    public static async Task Record(IGrainFactory grains, TimeProvider clock, Dictionary<string, (DateOnly Day, long Version)>? kept = null)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return;
        }

        var before = clock.GetUtcNow();
        var city = await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot();
        var day = BureauCalendar.LocalDate(before);
        // A snapshot taken across midnight counts the new day's figures: the next run records it.
        bool CrossedMidnight() => BureauCalendar.LocalDate(clock.GetUtcNow()) != day;
        if (CrossedMidnight())
        {
            return;
        }

        var scopes = city.Counties.Append(city.CityLevel).Select(scope => (Code: scope.Code, Scope: scope))
            .Append((ScopeHistory.City, city.AsScope()));
        foreach (var (code, scope) in scopes)
        {
            if (kept is not null && kept.TryGetValue(code, out var last) && last == (day, scope.Version))
            {
                continue;
            }

            await grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(code, day)).Keep(new DayFigures(day, before, scope));
            if (code != ScopeHistory.City)
            {
                var county = await grains.GetGrain<ICountyGrain>(code).GetSnapshot();
                if (CrossedMidnight())
                {
                    return;
                }

                await grains.GetGrain<IInstitutionsDayGrain>(ScopeHistory.InstitutionsKey(code, day)).Keep(new InstitutionsDay(day, before, county.Version, county.Institutions));
            }

            if (kept is not null)
            {
                kept[code] = (day, scope.Version);
            }
        }
    }
}
