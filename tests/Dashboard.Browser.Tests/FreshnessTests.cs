using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class FreshnessTests(Browser browser) : IClassFixture<Browser>
{
    private static readonly Dictionary<string, string?> ShortStaleAge = new() { ["Dashboard:Display:StaleAfter"] = "00:00:03" };

    [Fact]
    public async Task Tiles_stay_fresh_while_connected_and_turn_grey_with_a_badge_once_the_server_is_gone()
    {
        var app = new DashboardApp(extraSettings: ShortStaleAge);
        var page = await browser.Open(app, "/", Pages.FullHd);
        var tile = page.Locator(".kpi").First;
        await Expect(tile).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));
        // Several refreshes (every 1.5 s) later it is still confirmed, though nothing changed.
        await page.WaitForTimeoutAsync(4000);
        await Expect(tile).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));

        await app.DisposeAsync();

        await Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"), new() { Timeout = 10_000 });
        await Expect(tile.GetByText("数据过期")).ToBeVisibleAsync();
        await Expect(page.Locator("#connection-banner")).ToBeVisibleAsync();
        await page.Screenshot("wall-stale", Pages.FullHd);
    }

    [Fact]
    public async Task A_wall_loaded_while_its_server_is_down_shows_the_figures_it_kept_marked_stale_and_goes_live_when_the_server_is_back()
    {
        var port = FreePorts.Next();
        var first = new DashboardApp(port: port);
        var folder = first.DataFolder;
        var page = await browser.Open(first, "/", Pages.FullHd);
        (await first.Http.Post(Events.Admitted("kept-1"))).EnsureSuccessStatusCode();
        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,410");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("data-offline", "ready");
        await first.DisposeAsync();

        await page.ReloadAsync();

        var tile = page.Locator(".kpi").First;
        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,410");
        await Expect(page.Locator(".county-map")).ToBeVisibleAsync();
        await Expect(tile).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));
        await Expect(tile.GetByText("数据过期")).ToBeVisibleAsync();
        await Expect(tile.Locator(".tile-as-of")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"截至 \d\d:\d\d:\d\d"));
        await page.Screenshot("wall-loaded-offline", Pages.FullHd);
        await page.EvaluateAsync("() => { window.loadedOffline = true; }");

        await using var second = new DashboardApp(folder, port: port);
        (await second.Http.Post(Events.Admitted("kept-2"))).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,411", new() { Timeout = 30_000 });
        await Expect(tile).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("stale"));
        Assert.True(await page.EvaluateAsync<bool>("() => window.loadedOffline === true"), "the page was reloaded");
    }
}
