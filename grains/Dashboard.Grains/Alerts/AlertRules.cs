using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Registry;

namespace Dashboard.Grains.Alerts;

/// <summary>
/// Runs the rules over the region: the spike and no-data rules for every hotline, and the no-data rule
/// for every active institution when it is on. It reads the figures and judges them; what follows
/// from a verdict is <see cref="AlertLifecycle"/>'s business.
/// </summary>
public sealed class AlertRules(IGrainFactory grains, AlertOptions options)
{
    /// <summary>Per hotline: the hour the history was read for, and the counts of that hour in past weeks.</summary>
    private readonly Dictionary<string, (DateTimeOffset Hour, int[] Counts)> pastWeeks = new(StringComparer.Ordinal);

    /// <summary>The findings in a fixed order (the city line first, then each county), so alerts are numbered alike on every run.</summary>
    public async Task<IReadOnlyList<IAlertFinding>> Run(Region region, DateTimeOffset now)
    {
        var findings = new List<IAlertFinding>();
        foreach (var (scope, scopeName) in region.Counties.Select(county => (county.Code, county.Name)).Prepend((region.CityCode, region.CityName)))
        {
            if (await grains.GetGrain<IHotlineGrain>(scope).GetTotals() is not { } line)
            {
                continue;
            }

            var rule = options.SpikeRuleFor(scope);
            var spike = SpikeRule.Judge(rule, line.Name, line.LastHourInbound(now), await SameHourInPastWeeks(scope, rule.Weeks, now));
            findings.Add(new Observation(scope, scopeName, scope, spike, rule.PendingFor, rule.ResolveAfter));
            if (options.HotlineSilentAfter > TimeSpan.Zero)
            {
                var silent = NoDataRule.Judge(options.HotlineSilentAfter, line.Name, line.AsOf, now);
                findings.Add(new Observation(scope, scopeName, scope, silent, TimeSpan.Zero, TimeSpan.Zero));
            }

            if (options.InstitutionSilentAfter > TimeSpan.Zero)
            {
                var county = await grains.GetGrain<ICountyGrain>(scope).GetSnapshot();
                findings.AddRange(county.Institutions.Select(institution => institution.Active
                    ? new Observation(scope, scopeName, institution.Id, NoDataRule.Judge(options.InstitutionSilentAfter, institution.Name, institution.AsOf, now), TimeSpan.Zero, TimeSpan.Zero)
                    : (IAlertFinding)new Retirement(institution.Id, "机构已停用")));
            }
        }

        return findings;
    }

    private async Task<int[]> SameHourInPastWeeks(string line, int weeks, DateTimeOffset now)
    {
        var hour = now.AddTicks(-(now.UtcTicks % TimeSpan.TicksPerHour));
        if (pastWeeks.TryGetValue(line, out var known) && known.Hour == hour && known.Counts.Length == weeks)
        {
            return known.Counts;
        }

        var history = await grains.GetGrain<IHotlineGrain>(line).GetHours(weeks * 7 + 1);
        var counts = Enumerable.Range(1, weeks)
            .Select(week => (int)((hour.AddDays(-7 * week) - history.From) / history.Slot))
            .Where(slot => slot >= 0 && slot < history.Inbound.Length)
            .Select(slot => history.Inbound[slot])
            .ToArray();
        pastWeeks[line] = (hour, counts);
        return counts;
    }
}
