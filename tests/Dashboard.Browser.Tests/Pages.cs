using System.Collections.Concurrent;
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

    /// <summary>A page as a wall opens it: with a display token an admin issued, once; the cookie does the rest.</summary>
    public static async Task<IPage> Open(this Browser browser, DashboardApp app, string path, (int Width, int Height) size)
    {
        var page = await browser.NewPage(size);
        await page.GotoAsync(await WallAddress(app.Http, app.BaseAddress, path));
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    /// <summary>A page as a person opens it: sent to the sign-in page, signs in there, and lands on the page.</summary>
    public static async Task<IPage> OpenSignedIn(this Browser browser, DashboardApp app, string path, (int Width, int Height) size, string login, string displayName, string role, params string[] counties)
    {
        await app.Http.AddUser(login, displayName, role, counties);
        var page = await browser.NewPage(size);
        await page.GotoAsync(new Uri(app.BaseAddress, path).ToString());
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signin"));
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", Credentials.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, path).ToString());
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        return page;
    }

    /// <summary>The address of a page with a new display token: what an admin hands to a wall.</summary>
    public static async Task<string> WallAddress(HttpClient admin, Uri baseAddress, string path, params string[] counties)
    {
        var (_, url) = await admin.IssueDisplay("浏览器测试大屏", counties);
        var token = url[(url.IndexOf("display=", StringComparison.Ordinal) + "display=".Length)..];
        return new Uri(baseAddress, $"{path}{(path.Contains('?') ? '&' : '?')}display={token}").ToString();
    }

    /// <summary>What the page logs as errors from now on (a refused request, a script that failed).</summary>
    public static ConcurrentQueue<string> ConsoleErrors(this IPage page)
    {
        var errors = new ConcurrentQueue<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Enqueue(message.Text);
            }
        };
        return errors;
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

    /// <summary>Every row, list entry and chart of a tile lies inside the tile: a list that grew (市本级) must not spill out of it.</summary>
    public static async Task<string[]> ElementsOutsideTheirTile(this IPage page) =>
        await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll(".tile tr, .tile li, .tile canvas")]
              .filter(element => element.offsetParent !== null)
              .filter(element => {
                const box = element.getBoundingClientRect();
                const tile = element.closest(".tile").getBoundingClientRect();
                return box.height > 0 && (box.bottom > tile.bottom + 1 || box.right > tile.right + 1 || box.top < tile.top - 1 || box.left < tile.left - 1);
              })
              .map(element => `${element.tagName}.${element.className} ${element.textContent.slice(0, 30)}`)
            """);
}
