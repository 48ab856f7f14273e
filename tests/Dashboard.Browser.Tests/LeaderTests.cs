using System.Globalization;
using System.Net.Http.Json;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class LeaderTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_leader_view_ranks_counties_by_share_of_target_and_shows_an_admission_within_a_second()
    {
        await using var app = new DashboardApp();
        var city = await app.GetCity();
        var yingde = city.Counties.Single(county => county.Code == "441881");
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441881/occupancy", new { value = yingde.ElderlyCare.Occupants })).EnsureSuccessStatusCode();
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441802/occupancy", new { value = 2000 })).EnsureSuccessStatusCode();
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441823/rescues", new { value = 100 })).EnsureSuccessStatusCode();

        var page = await browser.Open(app, "/leader", Pages.FullHd);
        var occupancy = page.Locator("[data-metric='occupancy'] .ranking-row");
        await Expect(occupancy).ToHaveCountAsync(9);
        await Expect(occupancy.First).ToContainTextAsync("英德市");
        await Expect(occupancy.First).ToContainTextAsync("100.0%");
        var qingcheng = page.Locator("[data-metric='occupancy'] .ranking-row[data-code='441802']");
        await Expect(qingcheng).ToContainTextAsync("/ 2,000");
        await Expect(page.Locator("[data-metric='rescues'] .ranking-row").First).ToContainTextAsync("阳山县");
        await Expect(page.Locator("[data-metric='reunions'] .ranking-row").First).ToContainTextAsync("未设目标");
        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
        await page.Screenshot("leader", Pages.FullHd);

        (await app.Http.Post(Events.Admitted("leader-1", institutionId: "441802-GB-001"))).EnsureSuccessStatusCode();

        var occupants = city.Counties.Single(county => county.Code == "441802").ElderlyCare.Occupants + 1;
        await Expect(qingcheng).ToContainTextAsync(string.Create(CultureInfo.InvariantCulture, $"{occupants:N0} / 2,000"), new() { Timeout = 1000 });
    }

    [Fact]
    public async Task The_leader_view_compares_last_month_with_the_month_before_and_a_year_earlier_draws_each_countys_last_13_weeks_and_offers_its_workbook()
    {
        await using var app = new DashboardApp();
        var lastMonth = Dashboard.Contracts.Calendar.BureauCalendar.LocalDate(DateTimeOffset.UtcNow).AddMonths(-1);
        var rows = await app.Http.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/v1/reports/{lastMonth:yyyy-MM}?format=json");
        var city = rows!.Single(row => row.GetProperty("code").GetString() == "city");

        var page = await browser.Open(app, "/leader", Pages.FullHd);
        var rescues = page.Locator("[data-metric='rescues'] .month-change");
        var received = city.GetProperty("rescueReceived").GetInt32().ToString("N0", CultureInfo.InvariantCulture);
        await Expect(rescues).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^上月 {received} 人次 · 环比 [▲▼]?\\d+\\.\\d% · 同比 [▲▼]?\\d+\\.\\d%$"));
        await Expect(page.Locator("[data-metric='occupancy'] .month-change")).ToContainTextAsync("上月末 ");
        await Expect(page.Locator("[data-metric='occupancy'] .ranking-row .trend svg[data-points='91']")).ToHaveCountAsync(9);
        await Expect(page.Locator("[data-metric='hotlineCases'] .ranking-row .trend svg.weekly[data-points='13']")).ToHaveCountAsync(9);
        Assert.Empty(await page.ElementsOutsideTheirTile());
        Assert.Empty(await page.ElementsOutsideTheStage());
        await page.Screenshot("leader-changes", Pages.FullHd);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-month").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        Assert.Contains("月报", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 1000);
    }

    [Fact]
    public async Task On_a_4K_wall_the_leader_view_fills_the_screen_with_large_type()
    {
        await using var app = new DashboardApp();

        var page = await browser.Open(app, "/leader", Pages.Uhd);
        await Expect(page.Locator("[data-metric='hotlineCases'] .ranking-row")).ToHaveCountAsync(9);
        // Rows are rebuilt on every snapshot: a row measured after it was replaced is 0 px high, so the
        // height is read in the page, from whichever row is attached at that moment.
        var height = await page.WaitForFunctionAsync("() => document.querySelector('.ranking-row .name')?.getBoundingClientRect().height");
        var nameHeight = await height.JsonValueAsync<double>();
        await page.Screenshot("leader", Pages.Uhd);

        Assert.True(nameHeight >= 50, $"a county name is {nameHeight} px high on a 4K screen");
        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
    }
}
