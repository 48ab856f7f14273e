using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Contracts.Calendar;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>回放: a page opened with ?date= shows that day as it ended, marked as such, and nothing live reaches it.</summary>
public sealed class ReplayTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_wall_replays_a_past_days_end_with_its_hourly_calls_marked_回放_and_untouched_by_live_events()
    {
        await using var app = new DashboardApp();
        var today = BureauCalendar.LocalDate(DateTimeOffset.UtcNow);
        var day = today.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kept = (await app.Http.GetFromJsonAsync<JsonElement[]>($"/api/v1/history/city?from={day}&to={day}"))![0].GetProperty("scope");
        var calls = 0;
        foreach (var line in DemoRegistry.CountyCodes.Append("441800"))
        {
            var hours = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/hotlines/{line}/hours?days=1&date={day}");
            calls += hours.GetProperty("inbound").EnumerateArray().Sum(slot => slot.GetInt32());
        }

        var replay = await browser.NewPage(Pages.FullHd);
        await replay.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, $"/?date={day}"));

        await Expect(replay.Locator("#connection")).ToHaveAttributeAsync("data-state", "replay");
        await Expect(replay.Locator("#connection")).ToHaveTextAsync($"回放 {day}");
        await Expect(replay.Locator("#connection-banner")).ToContainTextAsync($"回放：{day} 日终数据");
        var occupants = kept.GetProperty("elderlyCare").GetProperty("occupants").GetInt32().ToString("N0", CultureInfo.InvariantCulture);
        await Expect(replay.GetByTestId("city-occupants")).ToHaveTextAsync(occupants);
        await Expect(replay.Locator("#trend-chart")).ToHaveAttributeAsync("data-today-calls", calls.ToString(CultureInfo.InvariantCulture));
        await Expect(replay.Locator(".tile-as-of").First).ToHaveTextAsync($"回放 {day} 日终");
        await replay.Screenshot("wall-replay", Pages.FullHd);

        var live = await browser.Open(app, "/", Pages.FullHd);
        (await app.Http.Post(Events.Admitted("replay-1"))).EnsureSuccessStatusCode();
        await Expect(live.GetByTestId("city-occupants")).ToHaveTextAsync("3,410");
        await Expect(replay.GetByTestId("city-occupants")).ToHaveTextAsync(occupants);
    }

    [Fact]
    public async Task A_county_page_and_the_duty_console_replay_a_past_day_with_its_institutions_and_the_lines_counts_of_that_day()
    {
        const string yangshan = "441823";
        await using var app = new DashboardApp();
        var day = BureauCalendar.LocalDate(DateTimeOffset.UtcNow).AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var kept = await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/replay/{day}/county:{yangshan}");
        string Figure(params string[] path) =>
            path.Aggregate(kept, (element, name) => element.GetProperty(name)).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

        var county = await browser.NewPage(Pages.FullHd);
        await county.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, $"/county/{yangshan}?date={day}"));

        await Expect(county.Locator("#connection")).ToHaveAttributeAsync("data-state", "replay");
        await Expect(county.GetByTestId("county-occupants")).ToHaveTextAsync(Figure("elderlyCare", "occupants"));
        await Expect(county.Locator("#institutions tr")).ToHaveCountAsync(kept.GetProperty("institutions").GetArrayLength());
        await Expect(county.Locator("#kpi-hotline")).ToHaveTextAsync($"接听 {Figure("hotline", "today", "answered")}");
        await Expect(county.Locator("h2", new() { HasText = "未保热线" })).ToContainTextAsync("未保热线 当日");
        await county.Screenshot("county-replay", Pages.FullHd);

        var duty = await browser.NewPage(Pages.FullHd);
        await duty.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, $"/duty?date={day}"));

        await Expect(duty.Locator("#connection")).ToHaveAttributeAsync("data-state", "replay");
        await Expect(duty.Locator("#hotline-rows tr")).ToHaveCountAsync(DemoRegistry.CountyCodes.Length + 1);
        await Expect(duty.Locator($"#hotline-rows tr[data-code='{yangshan}'] .answered")).ToHaveTextAsync(Figure("hotline", "today", "answered"));
        await Expect(duty.GetByTestId("alerts")).ToContainTextAsync("回放只显示当日热线数据");
        await Expect(duty.Locator("#duty-form")).ToBeHiddenAsync();
        await Expect(duty.Locator("h2", new() { HasText = "各线路" })).ToHaveTextAsync("各线路当日情况");
        await duty.Screenshot("duty-replay", Pages.FullHd);
    }

    [Fact]
    public async Task A_day_without_a_record_or_not_yet_over_says_why_it_cannot_be_replayed()
    {
        await using var app = new DashboardApp();
        var today = BureauCalendar.LocalDate(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var page = await browser.NewPage(Pages.FullHd);
        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, $"/leader?date={today}"));

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "replay-missing");
        await Expect(page.Locator("#connection-banner")).ToContainTextAsync($"无法回放 {today}：日期应为今天以前");
    }
}
