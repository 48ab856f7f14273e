using System.Net.Http.Json;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class CarouselTests(Browser browser) : IClassFixture<Browser>
{
    private static Dictionary<string, string?> FastCarousel() => new(AlertSurge.FireAtOnce()) { ["Dashboard:Display:Carousel:Interval"] = "00:00:01" };

    [Fact]
    public async Task The_carousel_turns_through_the_configured_screens()
    {
        await using var app = new DashboardApp(extraSettings: FastCarousel());
        var page = await browser.NewPage(Pages.FullHd);
        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, "/carousel"));

        var carousel = page.Locator("#carousel");
        await Expect(carousel).ToHaveAttributeAsync("data-screen", "/leader", new() { Timeout = 5000 });
        await Expect(carousel).ToHaveAttributeAsync("data-screen", "/duty", new() { Timeout = 5000 });
        await Expect(carousel).ToHaveAttributeAsync("data-screen", "/", new() { Timeout = 5000 });
        await Expect(page.FrameLocator("iframe.active").GetByTestId("city-beds")).ToHaveTextAsync("8,231");
        await page.Screenshot("carousel", Pages.FullHd);
    }

    [Fact]
    public async Task While_an_alert_is_firing_the_carousel_stays_on_the_duty_screen()
    {
        await using var app = new DashboardApp(extraSettings: FastCarousel());
        var alert = await AlertSurge.Fire(app, "441823");
        var page = await browser.NewPage(Pages.FullHd);
        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, "/carousel"));

        var carousel = page.Locator("#carousel");
        await Expect(carousel).ToHaveAttributeAsync("data-holding", "true");
        await Expect(carousel).ToHaveAttributeAsync("data-screen", "/duty");
        await page.WaitForTimeoutAsync(3000);
        await Expect(carousel).ToHaveAttributeAsync("data-screen", "/duty");

        (await app.Http.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/ack", new { by = "王值班" })).EnsureSuccessStatusCode();

        await Expect(carousel).ToHaveAttributeAsync("data-holding", "false");
        await Expect(carousel).Not.ToHaveAttributeAsync("data-screen", "/duty", new() { Timeout = 5000 });
    }
}
