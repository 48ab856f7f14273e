using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class WallTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_wall_shows_the_demo_totals_and_an_admission_within_two_seconds()
    {
        await using var app = new DashboardApp();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN" });

        await page.GotoAsync(app.BaseAddress.ToString());
        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,409");
        await Expect(page.GetByTestId("city-beds")).ToHaveTextAsync("8,231");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByText("演示数据")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("wall-1920x1080.png") });

        (await app.Http.Post(Events.Admitted("wall-1"))).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,410", new() { Timeout = 2000 });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("wall-after-admission-1920x1080.png") });
    }
}
