using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.History;

namespace Dashboard.Grains.Tests;

public sealed class DayRecorderTests
{
    private const string Line = "453001";
    private static readonly DateTimeOffset NewYearsEve = new(2026, 12, 31, 23, 59, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_day_is_kept_once_across_a_restart_at_its_last_second_and_a_retry_and_the_new_year_starts_a_month_of_its_own()
    {
        // The silo's own recorder waits a day between runs: the test records when it means to.
        await using var silo = await TestSilo.Start(NewYearsEve, settings: new Dictionary<string, string?> { ["Dashboard:History:RecordEvery"] = "1.00:00:00" });
        var registry = silo.Grains.GetGrain<IRegistryGrain>(0);
        await registry.BeginLoad(new Region("453000", "测试市", [new County(Line, "甲县")]), [new HotlineOpening(Line, HotlineCounts.Zero)], demo: false);
        await registry.CompleteLoad();

        await Call(silo, "eve-1");
        silo.Clock.Advance(TimeSpan.FromSeconds(59));
        await DayRecorder.Record(silo.Grains, silo.Clock);
        // A restart at 23:59:59: a new recorder, which knows nothing of what was kept, records again.
        await DayRecorder.Record(silo.Grains, silo.Clock);
        silo.Clock.Advance(TimeSpan.FromSeconds(2));
        await Call(silo, "new-year-1");
        await Call(silo, "new-year-2");
        await DayRecorder.Record(silo.Grains, silo.Clock);
        // A retried record of New Year's Eve, taken before its last one, changes nothing.
        var eve = silo.Grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(Line, new DateOnly(2026, 12, 31)));
        var kept = (await eve.Days())[0];
        await eve.Keep(kept with { RecordedAt = kept.RecordedAt.AddSeconds(-30), Scope = kept.Scope with { Hotline = kept.Scope.Hotline with { Today = HotlineCounts.Zero } } });

        foreach (var code in new[] { Line, ScopeHistory.City })
        {
            var december = await silo.Grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(code, new DateOnly(2026, 12, 1))).Days();
            var january = await silo.Grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(code, new DateOnly(2027, 1, 1))).Days();

            Assert.Equal((code, new DateOnly(2026, 12, 31), 1, 1), (code, Assert.Single(december).Day, december[0].Scope.Hotline.Today.Answered, december[0].Scope.Hotline.Month.Answered));
            Assert.Equal((code, new DateOnly(2027, 1, 1), 2, 2), (code, Assert.Single(january).Day, january[0].Scope.Hotline.Today.Answered, january[0].Scope.Hotline.Month.Answered));
        }
    }

    [Fact]
    public async Task A_countys_institutions_are_kept_as_each_day_ended_in_a_record_of_their_own_that_a_restart_does_not_double()
    {
        await using var silo = await TestSilo.Start(NewYearsEve.AddSeconds(59), settings: new Dictionary<string, string?> { ["Dashboard:History:RecordEvery"] = "1.00:00:00" });
        var registry = silo.Grains.GetGrain<IRegistryGrain>(0);
        await registry.BeginLoad(new Region("453000", "测试市", [new County(Line, "甲县")]), [], demo: false);
        var home = new InstitutionInfo($"{Line}-GB-001", "甲县敬老院", InstitutionKind.PublicElderlyCare, Line, Demo: false);
        await registry.Register([new RegisteredInstitution(home, 30, 10)]);
        await registry.CompleteLoad();

        await DayRecorder.Record(silo.Grains, silo.Clock);
        await DayRecorder.Record(silo.Grains, silo.Clock);
        silo.Clock.Advance(TimeSpan.FromSeconds(2));
        var results = await silo.Grains.GetGrain<IInstitutionGrain>(home.Id).Apply(
            [new InstitutionChange("new-year-admission", InstitutionChangeKind.Admitted, 1, silo.Clock.GetUtcNow(), Fingerprint: 1)]);
        Assert.Equal(Contracts.Ingest.EventStatus.Accepted, Assert.Single(results).Status);
        await DayRecorder.Record(silo.Grains, silo.Clock);

        async Task<InstitutionsDay?> Kept(DateOnly day) => await silo.Grains.GetGrain<IInstitutionsDayGrain>(ScopeHistory.InstitutionsKey(Line, day)).Get();
        var eve = await Kept(new DateOnly(2026, 12, 31));
        var newYear = await Kept(new DateOnly(2027, 1, 1));
        Assert.Equal((home.Id, 10, 30), (Assert.Single(eve!.Institutions).Id, eve.Institutions[0].Occupants, eve.Institutions[0].Beds));
        Assert.Equal((home.Id, 11), (Assert.Single(newYear!.Institutions).Id, newYear.Institutions[0].Occupants));
        Assert.Null(await Kept(new DateOnly(2026, 12, 30)));
    }

    [Fact]
    public async Task Of_two_records_taken_at_the_same_moment_the_one_that_has_seen_more_changes_is_kept()
    {
        await using var silo = await TestSilo.Start(NewYearsEve);
        var day = new DateOnly(2026, 12, 31);
        var month = silo.Grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(Line, day));
        var summary = new ScopeSummary(Line, "甲县", 5, NewYearsEve, false, CapacityGroup.Empty, CapacityGroup.Empty,
            RescueGroup.Of([], day), HotlineGroup.Of([], NewYearsEve));

        await month.Keep(new DayFigures(day, NewYearsEve, summary with { Version = 7 }));
        await month.Keep(new DayFigures(day, NewYearsEve, summary));

        Assert.Equal(7, Assert.Single(await month.Days()).Scope.Version);
    }

    private static async Task Call(TestSilo silo, string id)
    {
        var results = await silo.Grains.GetGrain<IHotlineGrain>(Line).Apply(
            [new HotlineChange(id, HotlineCounts.Zero with { Answered = 1 }, silo.Clock.GetUtcNow(), Fingerprint: (ulong)id.GetHashCode(StringComparison.Ordinal))]);
        Assert.All(results, result => Assert.Equal(Contracts.Ingest.EventStatus.Accepted, result.Status));
    }
}
