using System.Collections.Immutable;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Registry;

namespace Dashboard.Grains.History;

/// <summary>
/// Thirteen months of plausible past days for the demo registry's scopes, so that a newcomer's first
/// start already has 环比 and 同比 and a year of trend, and its recent days their institutions. Homes fill
/// slowly over the year (about 8 % fewer people a year ago) with a weekly ripple; a scope's people are
/// its institutions' people; rescues and cases come at the scope's average daily rate this year;
/// inbound calls are the demo hotline history's. The same every time for a scope and day (a hash, not
/// a random generator), and marked as demo data.
/// </summary>
public static class DemoDayFigures
{
    public const int Days = 400;

    /// <param name="today">Records end the day before: today is recorded live. This year's counts so far give the daily rates.</param>
    public static IReadOnlyList<DayFigures> Of(CountySnapshot now, DateOnly today, bool cityLine)
    {
        var days = (double)Math.Max(1, today.DayOfYear);
        var (rescue, hotline) = (now.Rescue, now.Hotline);
        var figures = new List<DayFigures>(Days);
        var (rescueYear, rescueMonth, hotlineYear, hotlineMonth) = (RescueCounts.Zero, RescueCounts.Zero, HotlineCounts.Zero, HotlineCounts.Zero);
        for (var day = today.AddDays(-Days); day < today; day = day.AddDays(1))
        {
            (rescueYear, hotlineYear) = day.DayOfYear == 1 ? (RescueCounts.Zero, HotlineCounts.Zero) : (rescueYear, hotlineYear);
            (rescueMonth, hotlineMonth) = day.Day == 1 ? (RescueCounts.Zero, HotlineCounts.Zero) : (rescueMonth, hotlineMonth);

            int Count(string what, int thisYear) => Draw($"{what}/{now.Code}/{day:yyyy-MM-dd}", thisYear / days);
            var rescueDay = new RescueCounts(Count("received", rescue.Received), Count("minors", rescue.Minors), Count("settled", rescue.Settled), Count("reunited", rescue.Reunited));
            var hotlineDay = new HotlineCounts(DemoHotlineHistory.Day(now.Code, day, cityLine).Values.Sum(), Count("missed", hotline.Missed),
                Count("outbound", hotline.Outbound), Count("consultations", hotline.Consultations), Count("interventions", hotline.Interventions));
            (rescueYear, rescueMonth, hotlineYear, hotlineMonth) = (rescueYear.Add(rescueDay), rescueMonth.Add(rescueDay), hotlineYear.Add(hotlineDay), hotlineMonth.Add(hotlineDay));

            var active = Institutions(now, day, today).Where(institution => institution.Active).ToList();
            var capacities = active.Select(institution => (Kind: Kind(institution), institution.Beds, institution.Occupants)).ToList();
            figures.Add(new DayFigures(day, Midnight(day), now.AsScope() with
            {
                Version = 0,
                AsOf = Midnight(day),
                Demo = true,
                ElderlyCare = CapacityGroup.Of(capacities.Where(institution => institution.Kind.IsElderlyCare())),
                ChildWelfare = CapacityGroup.Of(capacities.Where(institution => institution.Kind.IsChildWelfare())),
                Rescue = new RescueGroup(rescue.Stations, rescueYear.Received, rescueYear.Minors, rescueYear.Settled, rescueYear.Reunited,
                    rescue.Stranded, active.Sum(institution => institution.Rescue?.Residents ?? 0), rescueDay, rescueMonth),
                Hotline = new HotlineGroup(hotline.Lines, hotlineYear.Answered, hotlineYear.Missed, hotlineYear.Outbound, hotlineYear.Consultations,
                    hotlineYear.Interventions, hotlineDay, hotlineMonth, LastHourCalls: 0),
            }));
        }

        return figures;
    }

    /// <summary>The city's days: its scopes' days added up.</summary>
    public static IReadOnlyList<DayFigures> Sum(ScopeSummary city, IEnumerable<IReadOnlyList<DayFigures>> scopes) =>
        [.. scopes.SelectMany(days => days).GroupBy(day => day.Day).OrderBy(day => day.Key).Select(day => new DayFigures(day.Key, Midnight(day.Key), city with
        {
            Version = 0,
            AsOf = Midnight(day.Key),
            Demo = true,
            ElderlyCare = CapacityGroup.Sum(day.Select(scope => scope.Scope.ElderlyCare)),
            ChildWelfare = CapacityGroup.Sum(day.Select(scope => scope.Scope.ChildWelfare)),
            Rescue = day.Select(scope => scope.Scope.Rescue).Aggregate((sum, next) => sum.Add(next)),
            Hotline = day.Select(scope => scope.Scope.Hotline).Aggregate((sum, next) => sum.Add(next)),
        }))];

    /// <summary>
    /// A scope's institutions as a past day ended: elderly care homes a little emptier the further back
    /// (with a faint weekly ripple), children's homes slightly so, stations with a weekly ripple of people
    /// in them; their counts are today's.
    /// </summary>
    public static ImmutableArray<InstitutionSnapshot> Institutions(CountySnapshot now, DateOnly day, DateOnly today)
    {
        var back = today.DayNumber - day.DayNumber;
        var ripple = 0.01 * Math.Sin(day.DayNumber * 2 * Math.PI / 7);
        double Factor(InstitutionKind kind) => kind.IsElderlyCare() ? 1 - (0.08 * back / 365) + (ripple / 5) : kind.IsChildWelfare() ? 1 - (0.03 * back / 365) : 1;
        return [.. now.Institutions.Select(institution => institution with
        {
            Version = 0,
            AsOf = Midnight(day),
            Demo = true,
            Occupants = (int)Math.Round(institution.Occupants * Factor(Kind(institution))),
            Rescue = institution.Rescue is { } rescue ? rescue with { Residents = (int)Math.Round(rescue.Residents * (1 + (ripple * 5))) } : null,
        })];
    }

    private static InstitutionKind Kind(InstitutionSnapshot institution) =>
        InstitutionKinds.TryParse(institution.Kind, out var kind) ? kind : throw new InvalidOperationException($"Unknown institution kind {institution.Kind}");

    /// <summary>A count whose average is <paramref name="rate"/>: its whole part, and one more as often as its fraction.</summary>
    private static int Draw(string key, double rate) => (int)rate + (DemoHotlineHistory.Draws(key).First < rate % 1 ? 1 : 0);

    /// <summary>Recorded as if at the day's last minute: a live record of the day taken later (a demo deployment left running) replaces it.</summary>
    public static DateTimeOffset Midnight(DateOnly day) => Contracts.Calendar.BureauCalendar.StartOf(day.AddDays(1)).AddMinutes(-1);
}
