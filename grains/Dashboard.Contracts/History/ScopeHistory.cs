using System.Collections.Immutable;

namespace Dashboard.Contracts.History;

/// <summary>Where a scope's daily figures live, and reading them over a range of days.</summary>
public static class ScopeHistory
{
    /// <summary>The city as a whole; its code alone stands for 市本级, the institutions and line of the city itself.</summary>
    public const string City = "city";

    public static string Key(string code, DateOnly day) => $"{code}/{day:yyyy-MM}";

    /// <summary>Where a county's (or 市本级's) institutions of one day are kept.</summary>
    public static string InstitutionsKey(string code, DateOnly day) => $"{code}/{day:yyyy-MM-dd}";

    /// <summary>The kept days from <paramref name="from"/> to <paramref name="to"/>, both included, oldest first.</summary>
    public static async Task<ImmutableArray<DayFigures>> Read(IGrainFactory grains, string code, DateOnly from, DateOnly to)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        var kept = await Task.WhenAll(months.Select(month => grains.GetGrain<IScopeMonthGrain>(Key(code, month)).Days()));
        return [.. kept.SelectMany(days => days).Where(day => day.Day >= from && day.Day <= to)];
    }

    /// <summary>The last kept day of a month: its stocks are the month's end, its month counts the month's total.</summary>
    public static async Task<DayFigures?> MonthEnd(IGrainFactory grains, string code, DateOnly month) =>
        (await grains.GetGrain<IScopeMonthGrain>(Key(code, month)).Days()).LastOrDefault();
}
