using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class KioskTests(Browser browser) : IClassFixture<Browser>
{
    [Theory]
    [InlineData("/?kiosk=1")]
    [InlineData("/leader?kiosk=1")]
    [InlineData("/duty?kiosk=1")]
    [InlineData("/county/441881?kiosk=1")]
    public async Task In_kiosk_mode_a_page_shows_no_controls_no_cursor_and_no_scrollbars(string path)
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, path, Pages.FullHd);

        var seen = await page.EvaluateAsync<string>("""
            () => [getComputedStyle(document.body).cursor, getComputedStyle(document.documentElement).overflow,
                   [...document.querySelectorAll(".control, button, input, select")].filter(element => element.offsetParent !== null).length].join(" ")
            """);

        Assert.Equal("none hidden 0", seen);
    }

    [Fact]
    public async Task Without_kiosk_mode_the_duty_console_has_its_form()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/duty", Pages.FullHd);

        await Expect(page.Locator("#duty-name")).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-line")).ToBeVisibleAsync();
    }
}
