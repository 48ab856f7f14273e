using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>机构填报 in a phone's viewport: a clerk's entries reach the wall once each, whatever the network does.</summary>
public sealed class ReportingPageTests(Browser browser) : IClassFixture<Browser>
{
    private const string Home = Events.SomeInstitution;

    [Fact]
    public async Task A_clerks_entries_reach_the_wall_once_each_through_a_dead_network_and_a_double_tap()
    {
        await using var app = new DashboardApp();
        var wall = await browser.Open(app, "/", Pages.FullHd);
        var (url, _) = await app.Http.IssueReportingLink(Home);
        await using var phone = await Phone();
        var page = await phone.NewPageAsync();

        await page.GotoAsync(url);
        await Expect(page.Locator("#institution")).ToHaveTextAsync("清城区凤城街道敬老院");
        await Expect(page.GetByTestId("occupants")).ToHaveTextAsync("11");
        Assert.DoesNotContain("dr_", page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await Expect(Entries(page, "accepted")).ToHaveCountAsync(1);
        await Expect(wall.GetByTestId("city-occupants")).ToHaveTextAsync("3,410");

        await phone.SetOfflineAsync(true);
        await Record(page, "入住", 2);
        await Record(page, "入住", 1);
        await Record(page, "出院", 1);
        await Expect(Entries(page, "pending")).ToHaveCountAsync(3);
        await Expect(page.Locator("#network")).ToContainTextAsync("3 条填报已保存在本机");
        await page.Screenshot("report-offline", (390, 844));
        await phone.SetOfflineAsync(false);
        await Expect(Entries(page, "accepted")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await Expect(wall.GetByTestId("city-occupants")).ToHaveTextAsync("3,412");

        await page.GetByText("入住", new() { Exact = true }).ClickAsync();
        await page.Locator("#submit").DblClickAsync();
        await Expect(Entries(page, "accepted")).ToHaveCountAsync(5);
        await Expect(wall.GetByTestId("city-occupants")).ToHaveTextAsync("3,413");
        await Expect(page.GetByTestId("occupants")).ToHaveTextAsync("15");
        await page.Screenshot("report", (390, 844));
        Assert.Equal(15, (await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{Home}")).GetProperty("occupants").GetInt32());
        Assert.Equal(5, await page.Locator("#entries li").CountAsync());
    }

    [Fact]
    public async Task Two_pages_of_one_link_on_one_phone_keep_each_others_entries_and_count_each_once()
    {
        await using var app = new DashboardApp();
        var (url, _) = await app.Http.IssueReportingLink(Home);
        await using var phone = await Phone();
        var first = await phone.NewPageAsync();
        await first.GotoAsync(url);
        await Expect(first.GetByTestId("occupants")).ToHaveTextAsync("11");
        var second = await phone.NewPageAsync();
        await second.GotoAsync(new Uri(app.BaseAddress, "/report").ToString());
        await Expect(second.GetByTestId("occupants")).ToHaveTextAsync("11");

        await phone.SetOfflineAsync(true);
        await Record(first, "入住", 2);
        await Record(second, "入住", 3);
        await Expect(Entries(first, "pending")).ToHaveCountAsync(2);
        await Expect(Entries(second, "pending")).ToHaveCountAsync(2);
        await phone.SetOfflineAsync(false);

        await Expect(Entries(first, "accepted")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await Expect(Entries(second, "accepted")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        Assert.Equal(16, (await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{Home}")).GetProperty("occupants").GetInt32());
    }

    [Fact]
    public async Task A_discharge_below_zero_is_questioned_and_a_revoked_link_or_another_institutions_link_is_refused_in_chinese()
    {
        await using var app = new DashboardApp();
        var (url, _) = await app.Http.IssueReportingLink(Home);
        await using var phone = await Phone();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(url);
        await Expect(page.GetByTestId("occupants")).ToHaveTextAsync("11");

        await page.GetByText("出院", new() { Exact = true }).ClickAsync();
        await page.FillAsync("#amount", "12");
        await page.Locator("#submit").ClickAsync();
        await Expect(page.Locator("#confirm-text")).ToContainTextAsync("多于当前在院的 11 人");
        await page.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
        await Expect(page.Locator("#no-entries")).ToBeVisibleAsync();

        (await app.Http.DeleteAsync($"/api/v1/admin/reporting/{Home}")).EnsureSuccessStatusCode();
        await Record(page, "入住", 1);
        await Expect(page.Locator("#link-problem")).ToContainTextAsync("此填报链接已失效");
        await Expect(page.Locator("#submit")).ToBeDisabledAsync();
        await Expect(Entries(page, "pending")).ToHaveCountAsync(1);

        var (otherUrl, _) = await app.Http.IssueReportingLink("441802-GB-002");
        await page.GotoAsync(otherUrl);
        await Expect(page.Locator("#institution")).ToHaveTextAsync("清城区东城街道敬老院");
        await Expect(Entries(page, "rejected")).ToHaveCountAsync(1);
        await Expect(Entries(page, "rejected")).ToContainTextAsync($"此填报链接只能填报机构 441802-GB-002 的数据");
        await page.Screenshot("report-refused", (390, 844));
    }

    [Fact]
    public async Task An_admin_issues_a_link_on_the_admin_page_prints_its_qr_code_and_sees_each_bad_row_of_an_import()
    {
        await using var app = new DashboardApp();
        await app.Http.AddUser("zhao.admin", "赵管理", "admin");
        var admin = await browser.NewPage((1440, 900));
        await admin.GotoAsync(new Uri(app.BaseAddress, "/admin").ToString());
        await admin.FillAsync("#login", "zhao.admin");
        await admin.FillAsync("#password", Credentials.Password);
        await admin.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new Uri(app.BaseAddress, "/admin").ToString());

        await admin.FillAsync("#search", "凤城");
        var row = admin.Locator($"#links tr[data-institution='{Home}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "签发" }).ClickAsync();
        await Expect(admin.Locator("#issued-qr")).ToBeVisibleAsync();
        await Expect(admin.Locator("#issued-name")).ToHaveTextAsync("清城区凤城街道敬老院");
        var url = await admin.Locator("#issued-url").TextContentAsync();
        await admin.Screenshot("admin-link-issued", (1440, 900));
        await admin.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
        await Expect(row).ToContainTextAsync("已签发");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "撤销" })).ToBeVisibleAsync();

        var history = admin.Locator("#history-import");
        await history.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "history.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes("line,hour,calls\n441802,2999-01-01 08:00,1\n"),
        });
        await history.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(history.Locator(".result")).ToContainTextAsync("第 2 行");
        var orders = admin.Locator("#workorder-import");
        var now = Dashboard.Contracts.Calendar.BureauCalendar.LocalTime(DateTimeOffset.UtcNow.AddMinutes(-5)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        await orders.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "12345.csv",
            MimeType = "text/csv",
            Buffer = System.Text.Encoding.UTF8.GetBytes($"工单编号,受理时间,所属区县,诉求类别,是否涉及未成年人\nA-1,{now},阳山县,未成年人保护,是\nA-2,{now},火星,未成年人保护,是\n"),
        });
        await orders.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(orders.Locator(".result")).ToContainTextAsync("第 3 行");
        await orders.Locator("input[name=skipInvalid]").CheckAsync();
        await orders.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(orders.Locator(".result")).ToContainTextAsync("计入 1 条");
        await admin.Screenshot("admin", (1440, 900));

        await using var phone = await Phone();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(url!);
        await Expect(page.Locator("#institution")).ToHaveTextAsync("清城区凤城街道敬老院");
    }

    [Fact]
    public async Task A_rescue_station_registers_arrivals_and_departures_one_person_at_a_time()
    {
        const string station = "441800-JZ-001";
        await using var app = new DashboardApp();
        var before = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{station}")).GetProperty("rescue");
        var (url, _) = await app.Http.IssueReportingLink(station);
        await using var phone = await Phone();
        var page = await phone.NewPageAsync();
        await page.GotoAsync(url);
        await Expect(page.GetByTestId("residents")).ToHaveTextAsync(before.GetProperty("residents").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Expect(page.Locator(".stepper")).ToBeHiddenAsync();

        await page.GetByText("未成年人登记", new() { Exact = true }).ClickAsync();
        await page.Locator("#submit").ClickAsync();
        await page.GetByText("寻亲成功离站", new() { Exact = true }).ClickAsync();
        await page.Locator("#submit").ClickAsync();
        await Expect(Entries(page, "accepted")).ToHaveCountAsync(2);
        await page.Screenshot("report-station", (390, 844));

        var after = (await app.Http.GetFromJsonAsync<JsonElement>($"/api/v1/institutions/{station}")).GetProperty("rescue");
        Assert.Equal(
            (before.GetProperty("minors").GetInt32() + 1, before.GetProperty("reunited").GetInt32() + 1, before.GetProperty("residents").GetInt32()),
            (after.GetProperty("minors").GetInt32(), after.GetProperty("reunited").GetInt32(), after.GetProperty("residents").GetInt32()));
    }

    private Task<IBrowserContext> Phone() => browser.Chromium.NewContextAsync(new()
    {
        ViewportSize = new() { Width = 390, Height = 844 },
        IsMobile = true,
        HasTouch = true,
        Locale = "zh-CN",
    });

    private static ILocator Entries(IPage page, string state) => page.Locator($"#entries li[data-state='{state}']");

    /// <summary>One entry as a clerk makes it: the kind, the number, submit (once the guard against a second tap has passed).</summary>
    private static async Task Record(IPage page, string kind, int amount)
    {
        await page.GetByText(kind, new() { Exact = true }).ClickAsync();
        await page.FillAsync("#amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#submit").ClickAsync();
    }
}
