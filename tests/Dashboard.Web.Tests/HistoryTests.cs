using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Testing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Dashboard.Web.Tests;

/// <summary>Days and months behind every figure: daily records, the report, 环比 and 同比.</summary>
public sealed class HistoryTests : IAsyncDisposable
{
    private const string Yangshan = "441823";

    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private static DateOnly Today => BureauCalendar.LocalDate(DateTimeOffset.UtcNow);

    [Fact]
    public async Task Recording_again_replaces_the_days_record_with_the_later_figures_and_never_adds_a_second()
    {
        await Record();
        (await app.Http.Post(Events.Admitted("history-1"))).EnsureSuccessStatusCode();
        await Record();
        await Record();

        var city = await app.GetCity();
        var days = await Series("city");

        var today = days.Single(day => day.Day == Today);
        Assert.Equal((city.ElderlyCare.Occupants, city.ElderlyCare.Beds, city.Hotline.Today, city.Rescue.Received),
            (today.Scope.ElderlyCare.Occupants, today.Scope.ElderlyCare.Beds, today.Scope.Hotline.Today, today.Scope.Rescue.Received));
        Assert.Equal(DemoRegistry.ElderlyCareOccupants + 1, city.ElderlyCare.Occupants);
    }

    [Fact]
    public async Task The_months_workbook_has_a_row_per_county_and_市本级_that_matches_their_history_and_a_totals_row_that_matches_the_city()
    {
        await Record();
        var city = await app.GetCity();

        var response = await app.Http.GetAsync($"/api/v1/reports/{Today:yyyy-MM}");
        using var workbook = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = workbook.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([.. city.Counties.Select(county => county.Name), "市本级", "合计"], rows.Select(row => (string)row["区县"]!));
        Assert.Equal(city.ElderlyCare.Occupants, Convert.ToInt32(rows[9]["在院老人（人）"]));
        Assert.Equal(city.Rescue.Month.Received, Convert.ToInt32(rows[9]["救助（人次）"]));
        Assert.Equal(city.ElderlyCare.Occupants, rows.Take(9).Sum(row => Convert.ToInt32(row["在院老人（人）"])));
        foreach (var (county, row) in city.Counties.Append(city.CityLevel).Zip(rows))
        {
            var kept = (await Series(county.Code))[^1];
            Assert.Equal((county.Code, kept.Scope.ElderlyCare.Occupants, kept.Scope.Rescue.Month.Received, kept.Scope.Hotline.Month.Inbound),
                (county.Code, Convert.ToInt32(row["在院老人（人）"]), Convert.ToInt32(row["救助（人次）"]), Convert.ToInt32(row["未保热线来电（个）"])));
        }
    }

    [Fact]
    public async Task Month_on_month_and_year_on_year_changes_are_against_the_month_before_and_the_same_month_a_year_earlier()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var month = new DateOnly(2026, 3, 1);
        await Keep(grains, new DateOnly(2025, 3, 31), occupants: 80, received: 10, calls: 40);
        await Keep(grains, new DateOnly(2026, 2, 28), occupants: 96, received: 16, calls: 0);
        await Keep(grains, new DateOnly(2026, 3, 15), occupants: 99, received: 5, calls: 45);
        await Keep(grains, new DateOnly(2026, 3, 31), occupants: 100, received: 20, calls: 50);

        var rows = await app.Http.GetFromJsonAsync<JsonElement[]>($"/api/v1/reports/{month:yyyy-MM}?format=json");
        var yangshan = rows!.Single(row => row.GetProperty("code").GetString() == Yangshan);

        Assert.Equal((100, 20, 50), (yangshan.GetProperty("elderlyCareOccupants").GetInt32(), yangshan.GetProperty("rescueReceived").GetInt32(), yangshan.GetProperty("hotlineInbound").GetInt32()));
        Assert.Equal((4.2, 25.0), (yangshan.GetProperty("occupantsMonthOnMonth").GetDouble(), yangshan.GetProperty("occupantsYearOnYear").GetDouble()));
        Assert.Equal((25.0, 100.0), (yangshan.GetProperty("rescueMonthOnMonth").GetDouble(), yangshan.GetProperty("rescueYearOnYear").GetDouble()));
        Assert.Equal(JsonValueKind.Null, yangshan.GetProperty("hotlineMonthOnMonth").ValueKind);
        Assert.Equal(25.0, yangshan.GetProperty("hotlineYearOnYear").GetDouble());
    }

    [Fact]
    public async Task Bad_periods_ranges_and_formats_are_refused_and_a_county_viewer_sees_only_its_county()
    {
        using var county = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("阳山县大屏", "viewer", Yangshan));

        foreach (var path in new[] { "/api/v1/reports/2026-13", "/api/v1/reports/yesterday", "/api/v1/reports/2026-11?format=pdf", "/api/v1/reports/0001-01",
            "/api/v1/history/city?from=2026-11-30&to=2026-11-01", "/api/v1/history/city?from=2020-01-01&to=2026-01-01", "/api/v1/history/city?from=notaday" })
        {
            Assert.Equal((path, HttpStatusCode.BadRequest), (path, (await app.Http.GetAsync(path)).StatusCode));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/api/v1/history/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/history/{Yangshan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/history/441802")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/history/city")).StatusCode);
        var rows = await county.GetFromJsonAsync<JsonElement[]>($"/api/v1/reports/{Today:yyyy-MM}?format=json");
        Assert.Equal([Yangshan], rows!.Select(row => row.GetProperty("code").GetString()));
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/history/city/daily")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/history/441802/daily")).StatusCode);
    }

    [Fact]
    public async Task A_scopes_daily_series_gives_each_metric_day_by_day_as_kept_with_gaps_where_no_day_was_kept()
    {
        var grains = app.Services.GetRequiredService<IGrainFactory>();
        var (first, last) = (new DateOnly(2020, 3, 30), new DateOnly(2020, 4, 2));
        await Keep(grains, first, occupants: 50, received: 3, calls: 7);
        await Keep(grains, last, occupants: 52, received: 4, calls: 9);

        var series = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/history/{Yangshan}/daily?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        int?[] Metric(string name) => [.. series.GetProperty("metrics").GetProperty(name).EnumerateArray()
            .Select(value => value.ValueKind == JsonValueKind.Null ? (int?)null : value.GetInt32())];

        Assert.Equal([50, null, null, 52], Metric("occupancy"));
        Assert.Equal([3, null, null, 4], Metric("rescues"));
        Assert.Equal([7, null, null, 9], Metric("hotlineCalls"));
        Assert.Equal(HttpStatusCode.BadRequest, (await app.Http.GetAsync($"/api/v1/history/{Yangshan}/daily?from=2019-01-01&to=2020-04-02")).StatusCode);
    }

    [Fact]
    public async Task A_countys_replay_lists_its_institutions_as_the_day_ended_and_adds_up_to_its_figures_untouched_by_live_events()
    {
        var yesterday = $"{Today.AddDays(-1):yyyy-MM-dd}";
        var kept = (await Series($"{Yangshan}?from={yesterday}&to={yesterday}")).Single().Scope;

        async Task<Contracts.Counties.CountySnapshot> Replay() =>
            (await app.Http.GetFromJsonAsync<Contracts.Counties.CountySnapshot>($"/api/v1/replay/{yesterday}/county:{Yangshan}", Json.Options))!;
        var replay = await Replay();
        (await app.Http.Post(Events.Admitted("replay-county-1", institutionId: $"{Yangshan}-GB-001"))).EnsureSuccessStatusCode();
        var live = (await app.Http.GetFromJsonAsync<Contracts.Counties.CountySnapshot>($"/api/v1/counties/{Yangshan}", Json.Options))!;

        Assert.Equal(live.Institutions.Select(institution => institution.Id).Order(), replay.Institutions.Select(institution => institution.Id).Order());
        Assert.Equal(kept.ElderlyCare.Occupants, replay.ElderlyCare.Occupants);
        Assert.Equal(replay.ElderlyCare.Occupants, replay.Institutions.Where(institution => institution.Active && kept.ElderlyCare.ByKind.Any(kind => kind.Kind == institution.Kind)).Sum(institution => institution.Occupants));
        Assert.True(replay.Institutions.All(institution => institution.Demo && institution.AsOf < BureauCalendar.StartOf(Today)));
        Assert.Equal(replay.Institutions.Select(institution => institution.Occupants), (await Replay()).Institutions.Select(institution => institution.Occupants));
    }

    [Fact]
    public async Task An_institutions_daily_series_ends_with_todays_figures_and_a_county_viewer_replays_only_its_own_county_and_line()
    {
        const string home = $"{Yangshan}-GB-001";
        (await app.Http.Post(Events.Admitted("series-1", institutionId: home))).EnsureSuccessStatusCode();
        await Record();
        var yesterday = $"{Today.AddDays(-1):yyyy-MM-dd}";

        var series = (await app.Http.GetFromJsonAsync<InstitutionDays[]>($"/api/v1/history/institutions/{home}?from={yesterday}", Json.Options))!;
        var live = (await app.Http.GetFromJsonAsync<Contracts.Institutions.InstitutionSnapshot>($"/api/v1/institutions/{home}", Json.Options))!;
        Assert.Equal([Today.AddDays(-1), Today], series.Select(day => day.Day));
        Assert.Equal(live.Occupants, series[^1].Institution.Occupants);

        using var county = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("阳山县值班", "viewer", Yangshan));
        Assert.Equal(HttpStatusCode.OK, (await county.GetAsync($"/api/v1/replay/{yesterday}/county:{Yangshan}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/replay/{yesterday}/county:441802")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync($"/api/v1/replay/{yesterday}/city")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await county.GetAsync("/api/v1/history/institutions/441802-GB-001")).StatusCode);
        var lines = await county.GetFromJsonAsync<JsonElement>($"/api/v1/replay/{yesterday}/hotline");
        Assert.Equal([Yangshan], lines.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("code").GetString()));

        foreach (var (path, status) in new[]
        {
            ("/api/v1/history/institutions/%3Cb%3E", HttpStatusCode.BadRequest), ("/api/v1/history/institutions/no-such-home", HttpStatusCode.NotFound),
            ($"/api/v1/history/institutions/{home}?from=2026-01-01&to=2026-12-31", HttpStatusCode.BadRequest),
            ($"/api/v1/replay/{yesterday}/county:999999", HttpStatusCode.NotFound), ($"/api/v1/replay/{yesterday}/county:", HttpStatusCode.NotFound),
            ($"/api/v1/replay/{Today.AddDays(-3000):yyyy-MM-dd}/county:{Yangshan}", HttpStatusCode.NotFound),
        })
        {
            Assert.Equal((path, status), (path, (await app.Http.GetAsync(path)).StatusCode));
        }
    }

    [Fact]
    public async Task The_hours_of_yesterday_for_a_replay_include_calls_the_line_has_not_yet_handed_over()
    {
        var yesterday = Today.AddDays(-1);
        var at = BureauCalendar.StartOf(yesterday).AddHours(10).AddMinutes(5);
        (await app.Http.Post(Events.InboundCall("replay-call-1", Yangshan, at: at), Events.InboundCall("replay-call-2", Yangshan, at: at))).EnsureSuccessStatusCode();

        var hours = (await app.Http.GetFromJsonAsync<HotlineHistory>($"/api/v1/hotlines/{Yangshan}/hours?days=1&date={yesterday:yyyy-MM-dd}", Json.Options))!;

        Assert.Equal((BureauCalendar.StartOf(yesterday), 24), (hours.From, hours.Inbound.Length));
        Assert.Equal(2, hours.Inbound[10]);
    }

    private sealed record InstitutionDays(DateOnly Day, DateTimeOffset RecordedAt, Contracts.Institutions.InstitutionSnapshot Institution);

    private async Task Record() => (await app.Http.PostAsync("/api/v1/history/record", null)).EnsureSuccessStatusCode();

    private async Task<DayFigures[]> Series(string code) =>
        (await app.Http.GetFromJsonAsync<DayFigures[]>($"/api/v1/history/{code}", Json.Options))!;

    private static Task Keep(IGrainFactory grains, DateOnly day, int occupants, int received, int calls) =>
        grains.GetGrain<IScopeMonthGrain>(ScopeHistory.Key(Yangshan, day)).Keep(new DayFigures(day, BureauCalendar.StartOf(day.AddDays(1)), new ScopeSummary(
            Yangshan, "阳山县", 1, BureauCalendar.StartOf(day), Demo: false,
            new CapacityGroup(3, 120, occupants, 0, ImmutableArray<KindCapacity>.Empty), CapacityGroup.Empty,
            new RescueGroup(1, received, 0, 0, 0, 0, 0, RescueCounts.Zero with { Received = received }, RescueCounts.Zero with { Received = received }),
            new HotlineGroup(1, calls, 0, 0, 0, 0, HotlineCounts.Zero with { Answered = calls }, HotlineCounts.Zero with { Answered = calls }, 0))));
}
