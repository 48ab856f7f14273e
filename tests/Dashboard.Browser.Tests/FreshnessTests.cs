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
}
