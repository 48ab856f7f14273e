using System.Net;
using System.Net.Http.Json;
using Dashboard.Contracts.Access;
using Dashboard.Testing;
using Dashboard.Web.Access;

namespace Dashboard.Web.Tests;

/// <summary>The bureau's OpenID Connect provider signs people in; its claims decide their role and counties.</summary>
public sealed class SingleSignOnTests : IAsyncLifetime
{
    private FakeIdentityProvider provider = null!;

    public async Task InitializeAsync() => provider = await FakeIdentityProvider.Start();

    public async Task DisposeAsync() => await provider.DisposeAsync();

    [Fact]
    public async Task A_person_the_provider_gives_a_role_and_a_county_signs_in_and_gets_exactly_that()
    {
        await using var app = new DashboardApp(extraSettings: Settings(localAccounts: true));
        provider.NextPerson = new() { ["sub"] = "gd-0001", ["name"] = "黄科长", ["dashboard_role"] = "duty", ["dashboard_counties"] = "441803" };
        using var browser = Browserish(app);

        var landed = await browser.GetAsync("/signin/sso?returnUrl=%2Fcounty%2F441803");
        var me = (await browser.GetFromJsonAsync<CurrentUser>("/api/v1/auth/me", Json.Options))!;
        var other = await browser.GetAsync("/api/v1/counties/441802");
        var trail = (await app.Http.GetFromJsonAsync<SecurityEvent[]>("/api/v1/admin/audit", Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Equal("/county/441803", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(("黄科长", "sso", "duty", "441803"), (me.Name, me.Kind, me.Role, string.Join(",", me.Counties)));
        Assert.Equal(HttpStatusCode.Forbidden, other.StatusCode);
        Assert.Contains(trail, entry => entry is { Action: "signin.sso", Succeeded: true } && entry.Actor == "黄科长 (gd-0001)");
    }

    [Fact]
    public async Task A_person_without_a_dashboard_role_is_refused_and_told_why()
    {
        await using var app = new DashboardApp(extraSettings: Settings(localAccounts: true));
        provider.NextPerson = new() { ["sub"] = "gd-0002", ["name"] = "路人" };
        using var browser = Browserish(app);

        var landed = await browser.GetAsync("/signin/sso?returnUrl=%2F");
        var me = await browser.GetAsync("/api/v1/auth/me");

        Assert.Equal("/signin", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal("?reason=sso", landed.RequestMessage.RequestUri.Query);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task A_return_address_on_another_site_is_replaced_by_the_wall()
    {
        await using var app = new DashboardApp(extraSettings: Settings(localAccounts: true));
        provider.NextPerson = new() { ["sub"] = "gd-0003", ["name"] = "周", ["dashboard_role"] = "viewer" };
        using var browser = Browserish(app);

        var landed = await browser.GetAsync("/signin/sso?returnUrl=%2F%2Fevil.example%2Fphish");

        Assert.Equal(app.BaseAddress.Authority, landed.RequestMessage!.RequestUri!.Authority);
        Assert.Equal("/", landed.RequestMessage.RequestUri.AbsolutePath);
    }

    [Fact]
    public async Task With_local_accounts_turned_off_a_password_no_longer_signs_anyone_in()
    {
        await using var app = new DashboardApp(extraSettings: Settings(localAccounts: false));
        await app.Http.AddUser("local.admin", "本地管理员", "admin");
        using var browser = Browserish(app);

        var options = (await browser.GetFromJsonAsync<SignInOptions>("/api/v1/auth/options", Json.Options))!;
        var local = await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "local.admin", password = Credentials.Password });

        Assert.Equal((false, "统一身份认证登录"), (options.LocalAccounts, options.SingleSignOn));
        Assert.Equal(HttpStatusCode.Forbidden, local.StatusCode);
    }

    private Dictionary<string, string?> Settings(bool localAccounts) => new()
    {
        ["Dashboard:Auth:Oidc:Authority"] = provider.Authority,
        ["Dashboard:Auth:Oidc:ClientId"] = FakeIdentityProvider.ClientId,
        ["Dashboard:Auth:Oidc:ClientSecret"] = FakeIdentityProvider.ClientSecret,
        ["Dashboard:Auth:Oidc:RequireHttpsMetadata"] = "false",
        ["Dashboard:Auth:Oidc:LocalAccounts"] = localAccounts.ToString(),
    };

    /// <summary>Follows redirects across the two sites and keeps each one's cookies, as a browser does.</summary>
    private static HttpClient Browserish(DashboardApp app) =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = app.BaseAddress };
}
