using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>Opening a page of the product at a screen size, and the screen sizes walls have.</summary>
public static class Pages
{
    public static readonly (int Width, int Height) FullHd = (1920, 1080);

    public static readonly (int Width, int Height) Uhd = (3840, 2160);

    public static Task<IPage> NewPage(this Browser browser, (int Width, int Height) size) =>
        browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = size.Width, Height = size.Height }, Locale = "zh-CN" });

    public static async Task<IPage> Open(this Browser browser, DashboardApp app, string path, (int Width, int Height) size)
    {
        var page = await browser.NewPage(size);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    public static Task Screenshot(this IPage page, string name, (int Width, int Height) size) =>
        page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"{name}-{size.Width}x{size.Height}.png") });

    /// <summary>
    /// Every element of the stage lies inside it: nothing overflows the 1920×1080 canvas. The alert
    /// ticker's strip is a clipping window for its scrolling track, so what moves inside it is exempt.
    /// </summary>
    public static async Task<string[]> ElementsOutsideTheStage(this IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => {
              const stage = document.getElementById("stage").getBoundingClientRect();
              return [...document.querySelectorAll("#stage *")]
                .filter(element => element.offsetParent !== null && element.id !== "connection-banner" && !element.closest(".ticker-strip"))
                .filter(element => {
                  const box = element.getBoundingClientRect();
                  return box.width > 0 && (box.right > stage.right + 1 || box.bottom > stage.bottom + 1 || box.left < stage.left - 1 || box.top < stage.top - 1);
                })
                .map(element => `${element.tagName}.${element.className} ${element.textContent.slice(0, 30)}`);
            }
            """);
}
