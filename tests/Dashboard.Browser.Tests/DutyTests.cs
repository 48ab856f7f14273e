using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class DutyTests(Browser browser) : IClassFixture<Browser>
{
    private static object Call(string id, string county, bool answered) =>
        new { id, type = "hotline.call", occurredAt = DateTimeOffset.UtcNow.ToString("O"), countyCode = county, direction = "inbound", answered };

    [Fact]
    public async Task The_duty_console_shows_every_line_and_a_call_within_a_second_and_in_the_hourly_chart()
    {
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/duty", Pages.FullHd);
        var yangshan = page.Locator("#hotline-rows tr[data-code='441823']");
        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(9);
        await Expect(yangshan.Locator(".missed")).ToHaveTextAsync("0");

        (await app.Http.Post(Call("duty-1", "441823", answered: false))).EnsureSuccessStatusCode();

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
    public async Task A_duty_officer_acknowledges_a_firing_alert_with_name_and_note()
    {
        await using var app = new DashboardApp();
        (await app.Http.Post(Call("duty-shot-1", "441823", answered: true), Call("duty-shot-2", "441823", answered: false))).EnsureSuccessStatusCode();
        var page = await browser.NewPage(Pages.FullHd);
        var alerts = await FakeAlerts.Install(page, FakeAlerts.Spike("12", "firing", level: 2), FakeAlerts.Spike("11", "resolved"));
        await page.GotoAsync(new Uri(app.BaseAddress, "/duty").ToString());

        var card = page.Locator(".alert-card[data-id='12']");
        await Expect(card).ToContainTextAsync("告警中 · 已升级");
        await Expect(card).ToContainTextAsync("预期约4次/小时，当前11次，2.8倍");
        await Expect(page.Locator("#alert-summary")).ToContainTextAsync("有告警待处置");
        await page.Screenshot("duty", Pages.FullHd);

        await card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(page.Locator("#alert-feedback")).ToHaveTextAsync("请先填写值班员姓名");
        await page.FillAsync("#duty-name", "王值班");
        await page.FillAsync("#duty-note", "已电话联系阳山县");
        await card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" }).ClickAsync();
        await Expect(page.Locator("#alert-feedback")).ToContainTextAsync("已认领");

        var (path, body) = Assert.Single(alerts.Actions);
        Assert.Equal("/api/v1/alerts/12/ack", path);
        Assert.Equal(("王值班", "已电话联系阳山县"), (body.GetProperty("by").GetString(), body.GetProperty("note").GetString()));

        var acknowledged = FakeAlerts.Spike("12", "acknowledged", level: 2);
        acknowledged["acknowledgedBy"] = "王值班";
        acknowledged["acknowledgedAt"] = DateTimeOffset.UtcNow.ToString("O");
        alerts.Push(acknowledged);
        await Expect(card).ToContainTextAsync("认领");
        await Expect(card).ToContainTextAsync("王值班");
        await Expect(card.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "认领" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task On_a_4K_screen_the_duty_console_scales_up_without_overflowing()
    {
        await using var app = new DashboardApp();
        var page = await browser.NewPage(Pages.Uhd);
        await FakeAlerts.Install(page, FakeAlerts.Spike("12", "firing"), FakeAlerts.Spike("13", "pending"));
        await page.GotoAsync(new Uri(app.BaseAddress, "/duty").ToString());

        await Expect(page.Locator("#hotline-rows tr")).ToHaveCountAsync(9);
        await Expect(page.Locator(".alert-card")).ToHaveCountAsync(2);
        await page.Screenshot("duty", Pages.Uhd);

        Assert.Empty(await page.ElementsOutsideTheStage());
    }
}
