using System.Globalization;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Dashboard.Contracts.Counties;
using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The county page of 英德市, whose 26 institutions in the demo registry do not fit its tile at once:
/// the table turns its pages by itself, as an unattended wall needs.
/// </summary>
public sealed partial class CountyTests(Browser browser) : IClassFixture<Browser>
{
    private const string Yingde = "441881";

    private const string RegionalHome = "441881-QY-001";

    /// <summary>A change in percent, or -- where the month compared with had none.</summary>
    private const string Change = @"([▲▼]?\d+\.\d%|--)";

    /// <summary>
    /// The rows on show, read in one go with the page indicator, once it names the page wanted: a page
    /// read while it turns would mix two pages. Inside means within the table's window and above the
    /// tile's freshness line, so nothing is clipped or drawn over.
    /// </summary>
    private const string ShownPageScript = """
        wanted => {
          const indicator = document.getElementById("institutions-page");
          if (indicator.hidden || !indicator.textContent.startsWith(`第 ${wanted}/`)) return null;
          const window = document.getElementById("institutions-window").getBoundingClientRect();
          const freshness = document.querySelector(".institutions-tile .freshness").getBoundingClientRect();
          const rows = [...document.querySelectorAll("#institutions tr")].filter(row => !row.hidden);
          return {
            indicator: indicator.textContent,
            rows: rows.map(row => {
              const box = row.getBoundingClientRect();
              return {
                id: row.dataset.id,
                name: row.cells[0].textContent,
                over: row.classList.contains("over"),
                inside: box.top >= window.top - 0.5 && box.bottom <= Math.min(window.bottom, freshness.top) + 0.5
                  && box.left >= window.left - 0.5 && box.right <= window.right + 0.5,
              };
            }),
          };
        }
        """;

    [Fact]
    public async Task The_county_page_shows_its_own_last_month_against_the_month_before_and_a_year_earlier_and_its_last_13_weeks()
    {
        await using var app = new DashboardApp();
        var lastMonth = Dashboard.Contracts.Calendar.BureauCalendar.LocalDate(DateTimeOffset.UtcNow).AddMonths(-1);
        var rows = await app.Http.GetFromJsonAsync<System.Text.Json.JsonElement[]>($"/api/v1/reports/{lastMonth:yyyy-MM}?format=json");
        var row = rows!.Single(row => row.GetProperty("code").GetString() == Yingde);
        var received = row.GetProperty("rescueReceived").GetInt32().ToString("N0", CultureInfo.InvariantCulture);

        var page = await browser.Open(app, $"/county/{Yingde}", Pages.FullHd);

        await Expect(page.Locator("#kpi-rescue-change")).ToHaveTextAsync(new Regex($"^上月环比 {Change} · 同比 {Change}$"));
        await Expect(page.Locator("#kpi-rescue-change")).ToHaveAttributeAsync("title", new Regex($"^上月救助 {received} 人次 · "));
        await Expect(page.Locator("#kpi-children-change")).ToHaveTextAsync(new Regex(@"^上月末 \d+ 人$"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.querySelectorAll('.kpi .detail')].filter(line => line.scrollWidth > line.clientWidth).length"));
        await Expect(page.Locator("[data-testid='trend-occupancy'] svg")).ToHaveAttributeAsync("data-points", "91");
        await Expect(page.Locator("[data-testid='trend-rescues'] svg rect")).ToHaveCountAsync(13);
        await Expect(page.Locator("[data-testid='trend-hotlineCalls'] svg")).ToHaveAttributeAsync("data-points", "13");
        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
        await page.Screenshot("county-history", Pages.FullHd);
    }

    [Fact]
    public async Task On_a_full_HD_wall_the_institutions_turn_through_pages_that_fit_the_tile_until_every_one_was_shown()
    {
        await using var app = new DashboardApp(extraSettings: TurnEvery("00:00:03"));
        (await app.Http.Post(Events.Capacity("cap-1", RegionalHome, beds: 300))).EnsureSuccessStatusCode();
        var county = await GetYingde(app);
        var page = await browser.Open(app, $"/county/{Yingde}", Pages.FullHd);

        var first = await ShownPage(page, 1);
        var count = PageCount(first.Indicator);
        var pages = new List<ShownRows> { first };
        for (var number = 2; number <= count; number++)
        {
            pages.Add(await ShownPage(page, number));
            await page.Screenshot($"county-{Yingde}-page-{number}", Pages.FullHd);
        }

        Assert.True(count >= 2, $"{county.Institutions.Length} institutions fit on {count} page");
        Assert.Equal("英德英中片区区域性敬老院", first.Rows[0].Name);
        Assert.True(first.Rows[0].Over, "the over-capacity home is not marked as over");
        Assert.All(pages, shown => Assert.Equal($"第 {pages.IndexOf(shown) + 1}/{count} 页", shown.Indicator));
        Assert.All(pages.SelectMany(shown => shown.Rows), row => Assert.True(row.Inside, $"{row.Name} is not wholly inside the tile"));
        Assert.Equal(county.Institutions.Select(institution => institution.Id).Order(), pages.SelectMany(shown => shown.Rows).Select(row => row.Id).Order());
    }

    [Fact]
    public async Task A_live_update_redraws_the_page_on_show_instead_of_going_back_to_the_first()
    {
        await using var app = new DashboardApp(extraSettings: TurnEvery("00:00:05"));
        var county = await GetYingde(app);
        var page = await browser.Open(app, $"/county/{Yingde}", Pages.FullHd);
        var count = PageCount((await ShownPage(page, 1)).Indicator);
        var last = await ShownPage(page, count);

        // A discharge lowers the home's occupancy, so it stays among the last rows, on this page.
        var home = county.Institutions.Last(institution =>
            institution is { Rescue: null, Active: true, Occupants: > 0 } && last.Rows.Any(row => row.Id == institution.Id));
        (await app.Http.Post(Events.Discharged("county-paging-1", home.Id))).EnsureSuccessStatusCode();

        var occupants = page.Locator($"#institutions tr[data-id='{home.Id}'] td").Nth(3);
        await Expect(occupants).ToHaveTextAsync((home.Occupants - 1).ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 2000 });
        var shown = await page.EvaluateAsync<ShownRows?>(ShownPageScript, count);
        Assert.True(shown is not null, $"after the update the table left page {count}");
        Assert.Contains(shown.Rows, row => row.Id == home.Id);
    }

    [Fact]
    public async Task On_a_4K_screen_the_whole_county_page_scales_up_to_fill_it()
    {
        await using var app = new DashboardApp();

        var page = await browser.Open(app, $"/county/{Yingde}", Pages.Uhd);
        var first = await ShownPage(page, 1);
        var stage = await page.Locator("#stage").BoundingBoxAsync();
        var tile = await page.Locator(".institutions-tile").BoundingBoxAsync();
        await page.Screenshot($"county-{Yingde}", Pages.Uhd);

        Assert.Equal((3840, 2160), ((int)Math.Round(stage!.Width), (int)Math.Round(stage.Height)));
        Assert.InRange(tile!.Y + tile.Height, stage.Height * 0.9, stage.Height * 0.97);
        Assert.True(PageCount(first.Indicator) >= 2, "at 4K the table is paged as at 1920×1080, not laid out on a larger canvas");
        Assert.All(first.Rows, row => Assert.True(row.Inside, $"{row.Name} is not wholly inside the tile"));
        Assert.Empty(await page.ElementsOutsideTheStage());
    }

    private static Dictionary<string, string?> TurnEvery(string interval) => new() { ["Dashboard:Display:PageTurnInterval"] = interval };

    private static async Task<CountySnapshot> GetYingde(DashboardApp app) =>
        (await app.Http.GetFromJsonAsync<CountySnapshot>($"/api/v1/counties/{Yingde}", Json.Options))!;

    private static async Task<ShownRows> ShownPage(IPage page, int number)
    {
        var shown = await page.WaitForFunctionAsync(ShownPageScript, number, new() { Timeout = 15_000 });
        return await shown.JsonValueAsync<ShownRows>();
    }

    private static int PageCount(string indicator)
    {
        var match = PageIndicator().Match(indicator);
        Assert.True(match.Success, $"not a page indicator: {indicator}");
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^第 \d+/(\d+) 页$")]
    private static partial Regex PageIndicator();

    // Playwright fills what a script returns into settable properties.
    private sealed class ShownRows
    {
        public string Indicator { get; init; } = "";

        public ShownRow[] Rows { get; init; } = [];
    }

    private sealed class ShownRow
    {
        public string Id { get; init; } = "";

        public string Name { get; init; } = "";

        public bool Over { get; init; }

        public bool Inside { get; init; }
    }
}
