using System.Net;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class CountyMapTests(Browser browser) : IClassFixture<Browser>
{
    private const string Qingcheng = "441802";

    [Fact]
    public async Task At_full_hd_the_wall_maps_all_eight_counties_with_names_and_status_words_inside_the_canvas_and_lists_the_city_level_beside_them() =>
        await ShowsEveryCounty(Pages.FullHd);

    [Fact]
    public async Task On_a_4K_wall_the_map_scales_with_the_stage_and_stays_inside_its_canvas() =>
        await ShowsEveryCounty(Pages.Uhd);

    [Fact]
    public async Task A_county_turns_red_and_stands_out_on_the_map_after_an_over_capacity_census_and_a_click_opens_it()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/", Pages.FullHd);
        var listed = page.Locator($".map-county[data-code='{Qingcheng}']");
        await Expect(listed).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-ok"));
        var before = (await CountiesOnMap(page)).Single(county => county.Code == Qingcheng);

        // 凤城街道敬老院 has 32 beds: a census of 40 residents puts it over capacity.
        (await app.Http.Post(Events.Census("census-over-1", Events.SomeInstitution, occupants: 40))).EnsureSuccessStatusCode();

        await Expect(listed).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("level-bad.*stands-out|stands-out.*level-bad"), new() { Timeout = 2000 });
        await Expect(listed.Locator(".chip")).ToHaveTextAsync("■ 机构 超员");
        var after = (await CountiesOnMap(page)).Single(county => county.Code == Qingcheng);
        Assert.NotEqual(before.Fill, after.Fill);
        Assert.StartsWith("rgba(255, 93, 93", after.Fill, StringComparison.Ordinal);
        Assert.Equal("#ffffff", after.Edge);
        await page.Screenshot("wall-map-over-capacity", Pages.FullHd);

        await page.Mouse.ClickAsync(after.X, after.Y);

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, $"/county/{Qingcheng}").ToString());
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("清城区");
    }

    [Fact]
    public async Task Without_a_map_file_the_wall_shows_a_card_per_county_and_one_for_the_city_level()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Display:MapFile"] = "" });
        var page = await browser.Open(app, "/", Pages.FullHd);

        await Expect(page.Locator(".county")).ToHaveCountAsync(9);
        await Expect(page.Locator("#county-map")).ToBeHiddenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/api/v1/display/map")).StatusCode);
    }

    private async Task ShowsEveryCounty((int Width, int Height) size)
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/", size);

        var listed = page.Locator(".map-county");
        await Expect(listed).ToHaveCountAsync(9);
        await Expect(page.Locator("#counties")).ToBeHiddenAsync();
        foreach (var name in DemoRegistry.CountyShortNames.Append("市本级"))
        {
            await Expect(listed.Filter(new() { HasText = name }).Locator(".chip")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("正常|偏高|超限|偏低|不足|超员"));
        }

        var counties = await CountiesOnMap(page);
        Assert.Equal(DemoRegistry.CountyCodes.Order(), counties.Select(county => county.Code).Order());
        Assert.All(counties, county => Assert.True(county.Inside, $"county {county.Code} reaches outside the map's canvas"));
        Assert.Equal(8, counties.Select(county => county.Label).Distinct().Count());
        Assert.Empty(await page.ElementsOutsideTheStage());
        Assert.Empty(await page.ElementsOutsideTheirTile());
        await page.Screenshot("wall-map", size);
    }

    /// <summary>Each county as the chart drew it: its centre on the page, fill and outline, and whether it lies within the canvas.</summary>
    private static async Task<CountyOnMap[]> CountiesOnMap(IPage page) =>
        (await page.EvaluateAsync<JsonElement>("""
            () => {
              const chart = Chart.getChart(document.getElementById("map-chart"));
              const box = chart.canvas.getBoundingClientRect();
              const [sx, sy] = [box.width / chart.width, box.height / chart.height];
              return chart.getDatasetMeta(0).data.map((element, index) => {
                const centre = element.getCenterPoint();
                const bounds = element.getBounds();
                return {
                  code: chart.data.datasets[0].data[index].feature.properties.code,
                  label: chart.$counties[index].name,
                  x: box.left + centre.x * sx,
                  y: box.top + centre.y * sy,
                  fill: element.options.backgroundColor,
                  edge: element.options.borderColor,
                  inside: bounds.x >= 0 && bounds.y >= 0 && bounds.x2 <= chart.width && bounds.y2 <= chart.height,
                };
              });
            }
            """)).Deserialize<CountyOnMap[]>(JsonSerializerOptions.Web)!;

    private sealed record CountyOnMap(string Code, string Label, float X, float Y, string Fill, string Edge, bool Inside);
}
