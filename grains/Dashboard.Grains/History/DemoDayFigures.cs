using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.Registry;

namespace Dashboard.Grains.History;

/// <summary>
/// Thirteen months of plausible past days for the demo registry's scopes, so that a newcomer's first
/// start already has 环比 and 同比 and a year of trend. Homes fill slowly over the year (about 8 % fewer
/// people a year ago) with a weekly ripple; rescues and cases come at the scope's average daily rate
/// this year; inbound calls are the demo hotline history's. The same every time for a scope and day
/// (a hash, not a random generator), and marked as demo data.
/// </summary>
public static class DemoDayFigures
{
    public const int Days = 400;

    /// <param name="today">Records end the day before: today is recorded live. This year's counts so far give the daily rates.</param>
    public static IReadOnlyList<DayFigures> Of(string code, ScopeSummary now, DateOnly today, bool cityLine)
    {
        var days = (double)Math.Max(1, today.DayOfYear);
        var (rescue, hotline) = (now.Rescue, now.Hotline);
        var figures = new List<DayFigures>(Days);
        var (rescueMonth, hotlineMonth) = (RescueCounts.Zero, HotlineCounts.Zero);
        for (var day = today.AddDays(-Days); day < today; day = day.AddDays(1))
        {
            if (day.Day == 1 || figures.Count == 0)
            {
                (rescueMonth, hotlineMonth) = (RescueCounts.Zero, HotlineCounts.Zero);
            }

            int Count(string what, int thisYear) => Draw($"{what}/{code}/{day:yyyy-MM-dd}", thisYear / days);
            var rescueDay = new RescueCounts(Count("received", rescue.Received), Count("minors", rescue.Minors), Count("settled", rescue.Settled), Count("reunited", rescue.Reunited));
            var hotlineDay = new HotlineCounts(DemoHotlineHistory.Day(code, day, cityLine).Values.Sum(), Count("missed", hotline.Missed),
                Count("outbound", hotline.Outbound), Count("consultations", hotline.Consultations), Count("interventions", hotline.Interventions));
            (rescueMonth, hotlineMonth) = (rescueMonth.Add(rescueDay), hotlineMonth.Add(hotlineDay));
            var back = today.DayNumber - day.DayNumber;
            var ripple = 0.01 * Math.Sin(day.DayNumber * 2 * Math.PI / 7);
            figures.Add(new DayFigures(day, Midnight(day), Demo: true,
                Scaled(now.ElderlyCare, 1 - (0.08 * back / 365) + ripple), Scaled(now.ChildWelfare, 1 - (0.03 * back / 365)),
                (int)Math.Round(now.Rescue.Residents * (1 + (ripple * 5))), now.Rescue.Stranded, rescueDay, rescueMonth, hotlineDay, hotlineMonth));
        }

        return figures;
    }

    /// <summary>The city's days: its scopes' days added up.</summary>
    public static IReadOnlyList<DayFigures> Sum(IEnumerable<IReadOnlyList<DayFigures>> scopes) =>
        [.. scopes.SelectMany(days => days).GroupBy(day => day.Day).OrderBy(day => day.Key).Select(day => day.Aggregate((sum, next) => sum with
        {
            ElderlyCare = CapacityGroup.Sum([sum.ElderlyCare, next.ElderlyCare]),
            ChildWelfare = CapacityGroup.Sum([sum.ChildWelfare, next.ChildWelfare]),
            Residents = sum.Residents + next.Residents,
            Stranded = sum.Stranded + next.Stranded,
            RescueDay = sum.RescueDay.Add(next.RescueDay),
            RescueMonth = sum.RescueMonth.Add(next.RescueMonth),
            HotlineDay = sum.HotlineDay.Add(next.HotlineDay),
            HotlineMonth = sum.HotlineMonth.Add(next.HotlineMonth),
        }))];

    private static CapacityGroup Scaled(CapacityGroup group, double factor) =>
        group with { Occupants = (int)Math.Round(group.Occupants * factor), OverCapacity = 0, ByKind = [] };

    /// <summary>A count whose average is <paramref name="rate"/>: its whole part, and one more as often as its fraction.</summary>
    private static int Draw(string key, double rate) => (int)rate + (DemoHotlineHistory.Draws(key).First < rate % 1 ? 1 : 0);

    /// <summary>Recorded as if at the day's last minute, so that anything recorded live replaces it.</summary>
    private static DateTimeOffset Midnight(DateOnly day) => Contracts.Calendar.BureauCalendar.StartOf(day.AddDays(1)).AddMinutes(-1);
}
