namespace Dashboard.Contracts.Calendar;

/// <summary>
/// Counters for the bureau's current day, month and year, as of <paramref name="Day"/>. Values are
/// absolute, so a parent can add the latest of each child; a period that has ended reads as zero.
/// </summary>
[GenerateSerializer, Immutable, Alias("dashboard.period-counts`1")]
public sealed record PeriodCounts<T>(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] T Today,
    [property: Id(2)] T Month,
    [property: Id(3)] T Year) where T : ICounts<T>
{
    public static PeriodCounts<T> Empty(DateOnly day) => new(day, T.Zero, T.Zero, T.Zero);

    /// <summary>The same counters seen on <paramref name="day"/>: periods that ended since are zero.</summary>
    public PeriodCounts<T> On(DateOnly day) => new(
        day,
        day == Day ? Today : T.Zero,
        day.Year == Day.Year && day.Month == Day.Month ? Month : T.Zero,
        day.Year == Day.Year ? Year : T.Zero);

    /// <summary>
    /// Counts an event that happened on <paramref name="eventDay"/> as seen on <paramref name="today"/>:
    /// it counts in each current period it falls in (yesterday's late event counts in the month, not today).
    /// </summary>
    public PeriodCounts<T> Count(DateOnly eventDay, T delta, DateOnly today)
    {
        var current = On(today);
        return new PeriodCounts<T>(
            today,
            eventDay == today ? current.Today.Add(delta) : current.Today,
            eventDay.Year == today.Year && eventDay.Month == today.Month ? current.Month.Add(delta) : current.Month,
            eventDay.Year == today.Year ? current.Year.Add(delta) : current.Year);
    }

    public PeriodCounts<T> Add(PeriodCounts<T> other, DateOnly today)
    {
        var (mine, theirs) = (On(today), other.On(today));
        return new PeriodCounts<T>(today, mine.Today.Add(theirs.Today), mine.Month.Add(theirs.Month), mine.Year.Add(theirs.Year));
    }
}
