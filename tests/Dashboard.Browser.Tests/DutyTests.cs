using System.Net.Http.Json;
using Dashboard.Contracts.Alerts;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class DutyTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task The_duty_console_shows_every_line_and_a_call_within_a_second_and_in_the_hourly_chart()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/duty", Pages.FullHd);
        var yangshan = page.Locator("#hotline-rows tr[data-code='441823']");
        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(9);
        await Expect(yangshan.Locator(".missed")).ToHaveTextAsync("0");

        (await app.Http.Post(Events.InboundCall("duty-1", "441823", answered: false))).EnsureSuccessStatusCode();

        await Expect(yangshan.Locator(".missed")).ToHaveTextAsync("1", new() { Timeout = 1000 });
        await Expect(yangshan.Locator(".last-hour")).ToHaveTextAsync("1");
        await Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-today-calls", "1", new() { Timeout = 10_000 });
    }

    [Fact]
    public async Task Without_an_alerts_service_the_console_says_so_and_keeps_working()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/duty", Pages.FullHd);

        await Expect(page.GetByTestId("alerts")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("告警服务不可用|当前无告警"));
        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(9);
    }

    [Fact]
    public async Task A_surge_appears_on_the_duty_console_the_officer_acknowledges_it_and_the_wall_shows_it_acknowledged()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        var page = await browser.OpenSignedIn(app, "/duty", Pages.FullHd, "wang.duty", "王值班", "duty");
        var wall = await browser.Open(app, "/", Pages.FullHd);

        var alert = await AlertSurge.Fire(app, "441823");
        var card = page.Locator($".alert-card[data-id='{alert.Id}']");
        await Expect(card).ToContainTextAsync("告警中", new() { Timeout = 2000 });
        await Expect(card).ToContainTextAsync("阳山县未保热线来电激增");
        await Expect(page.Locator("#alert-summary")).ToContainTextAsync("有告警待处置");
        await Expect(wall.GetByTestId("ticker")).ToContainTextAsync("告警中");
        await page.Screenshot("duty", Pages.FullHd);

        await page.FillAsync("#duty-note", "已电话联系阳山县");
        await card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" }).ClickAsync();

        await Expect(page.Locator("#alert-feedback")).ToContainTextAsync("已认领");
        await Expect(card).ToContainTextAsync("王值班");
        await Expect(card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" })).ToHaveCountAsync(0);
        await Expect(wall.GetByTestId("ticker")).ToContainTextAsync("已认领", new() { Timeout = 2000 });
        var detail = (await app.Http.GetFromJsonAsync<AlertDetail>($"/api/v1/alerts/{alert.Id}", Json.Options))!;
        Assert.Contains(detail.Audit, entry => entry is { Action: "acknowledged", By: "王值班 (wang.duty)", Note: "已电话联系阳山县" });
    }

    [Fact]
    public async Task A_county_officer_s_console_shows_its_own_line_and_alerts_only_and_acknowledges_there()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        var page = await browser.OpenSignedIn(app, "/duty", Pages.FullHd, "li.qingxin", "李值班", "duty", "441803");
        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#trend-line-name")).ToHaveTextAsync("本区县合计");

        var elsewhere = await AlertSurge.Fire(app, "441823");
        var own = await AlertSurge.Fire(app, "441803");
        var card = page.Locator($".alert-card[data-id='{own.Id}']");
        await Expect(card).ToContainTextAsync("告警中", new() { Timeout = 2000 });
        await Expect(page.Locator("#hotline-rows tr[data-code='441803'] .last-hour")).ToHaveTextAsync("6");
        await page.Screenshot("duty-county", Pages.FullHd);
        await card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" }).ClickAsync();

        await Expect(card).ToContainTextAsync("李值班");
        await Expect(page.Locator(".alert-card")).ToHaveCountAsync(1);
        await Expect(page.Locator($".alert-card[data-id='{elsewhere.Id}']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task On_a_4K_screen_the_duty_console_scales_up_without_overflowing()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        await AlertSurge.Fire(app, "441823");
        await AlertSurge.Fire(app, "441802");
        var page = await browser.Open(app, "/duty", Pages.Uhd);

        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(9);
        await Expect(page.Locator(".alert-card")).ToHaveCountAsync(2);
        await page.Screenshot("duty", Pages.Uhd);

        Assert.Empty(await page.ElementsOutsideTheStage());
    }
}
