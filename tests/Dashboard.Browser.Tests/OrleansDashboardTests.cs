using System.Net;
using System.Text.RegularExpressions;
using Dashboard.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>Orleans' own dashboard, turned on for operators: admins only, and whole under the pages' security policy.</summary>
public sealed class OrleansDashboardTests(Browser browser) : IClassFixture<Browser>
{
    [Fact]
    public async Task An_admin_sees_the_silo_and_the_grains_at_work_and_a_viewer_is_refused()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:OrleansDashboard:Enabled"] = "true" });
        (await app.Http.Post(Events.Admitted($"orleans-{Guid.NewGuid():N}"))).EnsureSuccessStatusCode();
        await app.Http.AddUser("ops", "运维值班", "admin");
        await app.Http.AddUser("leader", "领导", "viewer");

        var page = await browser.NewPage(Pages.FullHd);
        var refusals = page.ConsoleErrors();
        await SignIn(page, app, "ops");
        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/orleans/").ToString());
        await Expect(page).ToHaveTitleAsync("Orleans Dashboard");
        await Expect(page.GetByText("Cluster Profiling")).ToBeVisibleAsync();
        await Expect(page.GetByText("ManagementGrain").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.Screenshot("orleans-dashboard", Pages.FullHd);
        Assert.Empty(refusals);

        var viewer = await browser.NewPage(Pages.FullHd);
        await SignIn(viewer, app, "leader");
        await Expect(viewer).ToHaveURLAsync(new Regex("/signin\\?reason=forbidden"));
        Assert.Equal(HttpStatusCode.NotFound, (await app.Http.GetAsync("/orleans/GrainState?grainId=ops&grainType=Dashboard.Grains.Access.UserGrain")).StatusCode);
        using var viewerKey = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("运维探针", "viewer"));
        Assert.Equal(HttpStatusCode.Forbidden, (await viewerKey.GetAsync("/orleans/DashboardCounters")).StatusCode);
    }

    private static async Task SignIn(IPage page, DashboardApp app, string login)
    {
        await page.GotoAsync(new Uri(app.BaseAddress, "/orleans/").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/signin"));
        await page.FillAsync("#login", login);
        await page.FillAsync("#password", Credentials.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }
}
