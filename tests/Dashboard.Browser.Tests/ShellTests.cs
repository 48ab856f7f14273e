using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class ShellTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task Every_page_names_the_bureau_and_counts_the_counties_of_the_registry_it_runs_on_and_a_map_of_another_region_is_not_drawn()
    {
        var seed = Directory.CreateTempSubdirectory("dashboard-seed-").FullName;
        await File.WriteAllTextAsync(Path.Combine(seed, "region.csv"),
            "code,name,level\n440200,韶关市,city\n440203,武江区,county\n440204,浈江区,county\n440205,曲江区,county\n");
        await File.WriteAllTextAsync(Path.Combine(seed, "institutions.csv"),
            "id,name,kind,county,beds,occupants\n440203-GB-001,武江区敬老院,public-elderly-care,440203,40,10\n");
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Registry:SeedFolder"] = seed });

        var wall = await browser.Open(app, "/", Pages.FullHd);
        await Expect(wall.Locator("#brand-name")).ToHaveTextAsync("韶关市民政局");
        await Expect(wall).ToHaveTitleAsync("民政实时运行监测 · 韶关市民政局");
        await Expect(wall.Locator("#county-count")).ToHaveTextAsync("3");
        await Expect(wall.Locator(".county")).ToHaveCountAsync(4);
        await Expect(wall.Locator("#county-map")).ToBeHiddenAsync();

        var leader = await browser.Open(app, "/leader", Pages.FullHd);
        await Expect(leader.Locator("#brand-sub")).ToHaveTextAsync("韶关市民政局 · 领导视图");
        await Expect(leader.Locator("[data-metric='occupancy'] .city-progress")).ToContainTextAsync("全市合计 10 人");

        var county = await browser.Open(app, "/county/440203", Pages.FullHd);
        await Expect(county.Locator("#page-title")).ToHaveTextAsync("武江区");
        await Expect(county).ToHaveTitleAsync("武江区 · 韶关市民政局");

        var duty = await browser.Open(app, "/duty", Pages.FullHd);
        await Expect(duty).ToHaveTitleAsync("未保热线值班台 · 韶关市民政局");

        foreach (var page in new[] { wall, leader, county, duty })
        {
            Assert.DoesNotContain("清远", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("8 区县", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        }
    }
}
