using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;

namespace Dashboard.Grains.Tests;

/// <summary>Days, months and years turn at midnight in Asia/Shanghai (16:00 UTC), whatever the server's zone.</summary>
public sealed class CalendarTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task Today_month_and_year_turn_at_Beijing_midnight()
    {
        await using var silo = await TestSilo.Start(new DateTimeOffset(2026, 12, 31, 23, 58, 0, Beijing));
        var line = await Line(silo);
        await line.Apply([Call("c-1", silo.Clock.GetUtcNow())]);

        var beforeMidnight = await Group(silo, line);
        silo.Clock.Advance(TimeSpan.FromMinutes(3));
        var afterMidnight = await Group(silo, line);

        Assert.Equal((1, 1, 1), (beforeMidnight.Today.Answered, beforeMidnight.Month.Answered, beforeMidnight.Answered));
        Assert.Equal((0, 0, 0), (afterMidnight.Today.Answered, afterMidnight.Month.Answered, afterMidnight.Answered));
    }

    [Fact]
    public async Task A_late_call_from_before_midnight_counts_in_the_month_but_not_in_today()
    {
        await using var silo = await TestSilo.Start(new DateTimeOffset(2026, 11, 17, 0, 1, 0, Beijing));
        var line = await Line(silo);

        await line.Apply([Call("late-1", new DateTimeOffset(2026, 11, 16, 23, 59, 0, Beijing))]);

        var group = await Group(silo, line);
        Assert.Equal((0, 1, 1), (group.Today.Answered, group.Month.Answered, group.Answered));
    }

    [Fact]
    public async Task Midnight_is_midnight_in_Beijing_not_in_UTC()
    {
        await using var silo = await TestSilo.Start(new DateTimeOffset(2026, 11, 20, 15, 59, 0, TimeSpan.Zero));
        var line = await Line(silo);
        await line.Apply([Call("utc-1", silo.Clock.GetUtcNow())]);

        silo.Clock.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(0, (await Group(silo, line)).Today.Answered);
        Assert.Equal(1, (await line.GetHours(2)).Inbound.Sum());
    }

    [Fact]
    public async Task A_resident_becomes_stranded_after_three_months_as_the_days_pass()
    {
        await using var silo = await TestSilo.Start(new DateTimeOffset(2026, 6, 10, 9, 0, 0, Beijing));
        var station = silo.Grains.GetGrain<IInstitutionGrain>("451004-JZ-001");
        var arrivedThreeMonthsAgo = new Resident(new DateOnly(2026, 3, 10), Minor: false);
        await station.Register(new RegisteredInstitution(
            new InstitutionInfo("451004-JZ-001", "测试救助站", InstitutionKind.RescueStation, "451004", Demo: false), 20, 0,
            new RescueOpening(RescueCounts.Zero, [arrivedThreeMonthsAgo])));

        var onTheDay = (await station.GetTotals())!.Rescue!.StrandedOn(Today(silo));
        silo.Clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = (await station.GetTotals())!.Rescue!.StrandedOn(Today(silo));

        Assert.Equal((0, 1), (onTheDay, dayAfter));
    }

    private static async Task<IHotlineGrain> Line(TestSilo silo)
    {
        var line = silo.Grains.GetGrain<IHotlineGrain>("451001");
        await line.Define("测试热线", demo: false, HotlineCounts.Zero);
        return line;
    }

    private static async Task<HotlineGroup> Group(TestSilo silo, IHotlineGrain line) => HotlineGroup.Of([(await line.GetTotals())!], silo.Clock.GetUtcNow());

    private static DateOnly Today(TestSilo silo) => BureauCalendar.LocalDate(silo.Clock.GetUtcNow());

    private static HotlineChange Call(string id, DateTimeOffset at) => new(id, HotlineCounts.Zero with { Answered = 1 }, at, Fingerprint: 1);
}
