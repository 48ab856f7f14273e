using System.Net.Http.Json;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class WallBoardTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_wall_shows_statuses_in_words_ranking_boards_turning_at_the_page_turn_interval_the_hotline_trend_and_the_alert_ticker()
    {
        var settings = AlertSurge.FireAtOnce();
        settings["Dashboard:Display:PageTurnInterval"] = "00:00:02";
        await using var app = new DashboardApp(extraSettings: settings);
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441881/rescues", new { value = 200 })).EnsureSuccessStatusCode();
        var call = Events.InboundCall("wall-call-1", "441823");
        (await app.Http.Post(call)).EnsureSuccessStatusCode();
        await AlertSurge.Fire(app, "441823");
        var page = await browser.Open(app, "/", Pages.FullHd);

        await Expect(page.GetByTestId("city-occupancy-status")).ToHaveTextAsync("● 正常");
        await Expect(page.Locator(".map-county[data-code='441881'] .chip")).ToHaveTextAsync("● 正常");
        await Expect(page.GetByTestId("ranking").Locator(".ranking-row")).ToHaveCountAsync(9);
        await Expect(page.GetByTestId("ticker")).ToContainTextAsync("阳山县");
        await Expect(page.GetByTestId("ticker")).ToContainTextAsync("未保热线来电激增");
        await Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-today-calls", "7");
        await Expect(page.Locator(".tile-as-of").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"截至 \d\d:\d\d:\d\d"));
        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
        await page.Screenshot("wall-boards", Pages.FullHd);

        await Expect(page.GetByTestId("ranking-title")).ToHaveTextAsync("本年流浪乞讨救助 目标完成", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("ranking").Locator(".ranking-row").First).ToContainTextAsync("英德市");
    }

    [Fact]
    public async Task A_county_over_its_threshold_turns_red_and_says_so()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?>
        {
            ["Dashboard:Display:Thresholds:lastHourCalls:Warn"] = "1",
            ["Dashboard:Display:Thresholds:lastHourCalls:Alarm"] = "2",
        });
        var page = await browser.Open(app, "/", Pages.FullHd);
        var yangshan = page.Locator(".map-county[data-code='441823']");
        await Expect(yangshan).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-ok"));

        var calls = Enumerable.Range(1, 2).Select(index => Events.InboundCall($"spike-{index}", "441823")).ToArray();
        (await app.Http.Post(calls)).EnsureSuccessStatusCode();

        await Expect(yangshan).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-bad"), new() { Timeout = 2000 });
        await Expect(yangshan.Locator(".chip")).ToHaveTextAsync("■ 来电 超限");
        await Expect(page.GetByTestId("city-hotline-status")).ToHaveTextAsync("■ 阳山县来电超限");
    }

    [Fact]
    public async Task On_a_4K_screen_the_wall_with_its_boards_fits_the_screen()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        await AlertSurge.Fire(app, "441823");
        var acknowledged = await AlertSurge.Fire(app, "441802");
        (await app.Http.PostAsJsonAsync($"/api/v1/alerts/{acknowledged.Id}/ack", new { by = "王值班" })).EnsureSuccessStatusCode();
        var page = await browser.Open(app, "/", Pages.Uhd);

        await Expect(page.GetByTestId("ranking").Locator(".ranking-row")).ToHaveCountAsync(9);
        await Expect(page.GetByTestId("ticker")).ToContainTextAsync("阳山县");
        await page.Screenshot("wall-boards", Pages.Uhd);

        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
    }
}
