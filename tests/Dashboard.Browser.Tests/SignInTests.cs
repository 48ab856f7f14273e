using System.Text.RegularExpressions;
using Dashboard.Testing;
using Dashboard.Web.Access;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class SignInTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task A_visitor_without_a_session_is_sent_to_the_sign_in_page_signs_in_and_out_and_a_wrong_password_is_explained()
    {
        await using var app = new DashboardApp();
        await app.Http.AddUser("liu.leader", "刘局长", "viewer");
        var page = await browser.NewPage(Pages.FullHd);

        await page.GotoAsync(new Uri(app.BaseAddress, "/leader").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl=%2Fleader"));
        await page.FillAsync("#login", "liu.leader");
        await page.FillAsync("#password", "not my password at all");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator("#error")).ToHaveTextAsync("用户名或密码错误");
        await page.Screenshot("signin", Pages.FullHd);

        await page.FillAsync("#password", Credentials.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/leader").ToString());
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        await page.GetByRole(AriaRole.Button, new() { Name = "刘局长 · 退出" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/signin$"));
        await page.GotoAsync(new Uri(app.BaseAddress, "/leader").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/signin\\?returnUrl="));
    }

    [Fact]
    public async Task A_wall_offers_no_sign_out()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/", Pages.FullHd);

        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,409");
        await Expect(page.Locator(".sign-out")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_newcomer_opens_the_printed_setup_link_creates_the_first_administrator_and_lands_on_the_wall()
    {
        await using var app = new DashboardApp();
        var page = await browser.NewPage(Pages.FullHd);

        await page.GotoAsync(new Uri(app.BaseAddress, app.Services.GetRequiredService<FirstAdminSetup>().Link).ToString());
        await page.FillAsync("#login", "admin");
        await page.FillAsync("#display-name", "系统管理员");
        await page.FillAsync("#password", "admin123");
        await page.FillAsync("#confirm", "admin123");
        await page.GetByRole(AriaRole.Button, new() { Name = "创建并登录" }).ClickAsync();
        await Expect(page.Locator("#error")).ToContainTextAsync("密码长度必须在 12");
        await page.Screenshot("setup", Pages.FullHd);
        await page.FillAsync("#password", Credentials.Password);
        await page.FillAsync("#confirm", Credentials.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "创建并登录" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(app.BaseAddress.ToString());
        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,409");
    }

    [Fact]
    public async Task A_wall_whose_display_token_is_revoked_goes_dark_within_seconds_and_says_why()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Auth:ConnectionCheck"] = "00:00:01" });
        var (id, url) = await app.Http.IssueDisplay("一楼大厅");
        var other = await browser.Open(app, "/", Pages.FullHd);
        var page = await browser.NewPage(Pages.FullHd);
        await page.GotoAsync(new Uri(app.BaseAddress, url).ToString());
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");

        (await app.Http.DeleteAsync($"/api/v1/admin/displays/{id}")).EnsureSuccessStatusCode();

        await Expect(page.Locator("#reason")).ToHaveTextAsync(new Regex("授权已被撤销"), new() { Timeout = 10_000 });
        await page.Screenshot("display-revoked", Pages.FullHd);
        await Expect(other.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        (await app.Http.Post(Events.Admitted("after-revocation-1"))).EnsureSuccessStatusCode();
        await Expect(other.GetByTestId("city-occupants")).ToHaveTextAsync("3,410", new() { Timeout = 2000 });
    }
}
