using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Contracts.Access;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Dashboard.Web.Tests;

/// <summary>Keys, county scopes, display tokens, people signing in, and the audit trail, through the API as callers use it.</summary>
public sealed class AccessTests : IAsyncDisposable
{
    private const string Qingcheng = "441802";
    private const string Qingxin = "441803";

    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_county_source_writes_only_in_its_county_and_nothing_of_the_rest_is_counted()
    {
        using var source = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("清新区民政局接口", "ingest", Qingxin));
        var qingxinHome = DemoRegistry.ElderlyCareIds().First(id => id.StartsWith(Qingxin, StringComparison.Ordinal));
        var before = await app.GetCity();

        var response = await source.Post(
            Events.Admitted("scope-1", qingxinHome),
            Events.Admitted("scope-2", Events.SomeInstitution),
            Events.InboundCall("scope-3", Qingcheng));
        var result = (await response.Content.ReadFromJsonAsync<IngestResult>(Json.Options))!;
        var after = await app.GetCity();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([EventStatus.Accepted, EventStatus.Rejected, EventStatus.Rejected], result.Results.Select(item => item.Status));
        Assert.Contains("不在此密钥的区县范围内", result.Results[1].Reason);
        Assert.Equal(before.ElderlyCare.Occupants + 1, after.ElderlyCare.Occupants);
        Assert.Equal(before.Hotline.Answered, after.Hotline.Answered);
    }

    [Fact]
    public async Task A_county_viewer_reads_its_county_and_is_refused_the_city_and_other_counties()
    {
        using var viewer = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("清新区大屏", "viewer", Qingxin));

        var own = await viewer.GetAsync($"/api/v1/counties/{Qingxin}");
        var other = await viewer.GetAsync($"/api/v1/counties/{Qingcheng}");
        var city = await viewer.GetAsync("/api/v1/city");
        var institution = await viewer.GetAsync($"/api/v1/institutions/{Events.SomeInstitution}");
        var line = await viewer.GetAsync($"/api/v1/hotlines/{Qingcheng}");
        var lines = (await viewer.GetFromJsonAsync<JsonElement[]>("/api/v1/hotlines"))!;

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden),
            (other.StatusCode, city.StatusCode, institution.StatusCode, line.StatusCode));
        Assert.Equal([Qingxin], lines.Select(item => item.GetProperty("code").GetString()));
    }

    [Fact]
    public async Task On_the_hub_a_county_viewer_gets_its_county_and_is_refused_the_city_and_other_groups()
    {
        await using var connection = TestCredentials.Hub(app.BaseAddress, await app.Http.IssueKey("清新区大屏", "viewer", Qingxin)).Build();
        await connection.StartAsync();

        var own = await connection.InvokeAsync<JsonElement>("Subscribe", $"county:{Qingxin}");
        var city = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", "city"));
        var other = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", $"county:{Qingcheng}"));

        Assert.Equal(Qingxin, own.GetProperty("code").GetString());
        Assert.Contains("不在您的区县范围内", city.Message);
        Assert.Contains("不在您的区县范围内", other.Message);
    }

    [Fact]
    public async Task A_revoked_key_stops_working_at_once()
    {
        var created = await app.Http.PostAsJsonAsync("/api/v1/admin/keys", new { name = "临时接口", role = "viewer" });
        var issued = (await created.Content.ReadFromJsonAsync<JsonElement>())!;
        using var client = TestCredentials.Client(app.BaseAddress, issued.GetProperty("key").GetString()!);
        var before = await client.GetAsync("/api/v1/city");

        var revoked = await app.Http.DeleteAsync($"/api/v1/admin/keys/{issued.GetProperty("id").GetString()}");
        var after = await client.GetAsync("/api/v1/city");
        var listed = (await app.Http.GetFromJsonAsync<Credential[]>("/api/v1/admin/keys", Json.Options))!;

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), (before.StatusCode, revoked.StatusCode, after.StatusCode));
        Assert.Contains(listed, key => key.Name == "临时接口" && key.RevokedAt is not null);
        Assert.DoesNotContain(issued.GetProperty("key").GetString()!, JsonSerializer.Serialize(listed));
    }

    [Fact]
    public async Task The_bootstrap_key_is_registered_only_on_a_deployment_without_keys()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-bootstrap-").FullName;
        await new DashboardApp(folder).DisposeAsync();
        await using var restarted = new DashboardApp(folder, new Dictionary<string, string?> { ["Dashboard:Auth:BootstrapKey"] = "another-bootstrap-key-0123456789abcdefghij" });
        using var withNewKey = TestCredentials.Client(restarted.BaseAddress, "another-bootstrap-key-0123456789abcdefghij");

        Assert.Equal(HttpStatusCode.Unauthorized, (await withNewKey.GetAsync("/api/v1/city")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await restarted.Http.GetAsync("/api/v1/city")).StatusCode);
    }

    [Fact]
    public async Task A_wall_opens_its_display_link_once_and_then_reads_with_its_cookie_until_the_token_is_revoked()
    {
        var (id, url) = await app.Http.IssueDisplay("指挥中心大屏");
        using var wall = Browserish();

        var opened = await wall.GetAsync(url);
        var page = await wall.GetAsync(opened.Headers.Location!.ToString());
        var city = await wall.GetAsync("/api/v1/city");
        var write = await wall.PostAsJsonAsync("/api/v1/events", new { events = Array.Empty<object>() });
        await app.Http.DeleteAsync($"/api/v1/admin/displays/{id}");
        var afterRevocation = await wall.GetAsync("/api/v1/city");

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal("/", opened.Headers.Location!.ToString());
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (page.StatusCode, city.StatusCode));
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevocation.StatusCode);
    }

    [Fact]
    public async Task A_person_signs_in_and_is_locked_out_after_repeated_wrong_passwords()
    {
        await app.Http.AddUser("wang.duty", "王值班", "duty");
        using var browser = Browserish();

        var signedIn = await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "wang.duty", password = Credentials.Password });
        var me = (await browser.GetFromJsonAsync<CurrentUser>("/api/v1/auth/me", Json.Options))!;
        var wrong = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            wrong.Add((await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "wang.duty", password = "not the password at all" })).StatusCode);
        }

        var rightButLocked = await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "wang.duty", password = Credentials.Password });

        Assert.Equal(HttpStatusCode.NoContent, signedIn.StatusCode);
        Assert.Equal(("王值班", "duty"), (me.Name, me.Role));
        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Unauthorized, 4), HttpStatusCode.Forbidden], wrong);
        Assert.Equal(HttpStatusCode.Forbidden, rightButLocked.StatusCode);
        Assert.Contains("已锁定", await rightButLocked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_person_idle_past_the_timeout_is_signed_out_and_a_wall_is_not()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var idle = new DashboardApp(testServices: services =>
            services.PostConfigure<CookieAuthenticationOptions>(CookieSessions.Scheme, options => options.TimeProvider = clock));
        await idle.Http.AddUser("qian.viewer", "钱", "viewer");
        var (_, url) = await idle.Http.IssueDisplay("值班室大屏");
        using var person = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = idle.BaseAddress };
        using var wall = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = idle.BaseAddress };
        await person.PostAsJsonAsync("/api/v1/auth/signin", new { login = "qian.viewer", password = Credentials.Password });
        await wall.GetAsync(url);

        clock.Advance(TimeSpan.FromMinutes(20));
        var activeAfter20 = await person.GetAsync("/api/v1/display");
        clock.Advance(TimeSpan.FromMinutes(20));
        var activeAgain = await person.GetAsync("/api/v1/display");
        clock.Advance(TimeSpan.FromMinutes(31));
        var idleAfter31 = await person.GetAsync("/api/v1/display");
        var wallAfterHours = await wall.GetAsync("/api/v1/display");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (activeAfter20.StatusCode, activeAgain.StatusCode));
        Assert.Equal(HttpStatusCode.Unauthorized, idleAfter31.StatusCode);
        Assert.Equal(HttpStatusCode.OK, wallAfterHours.StatusCode);
    }

    [Fact]
    public async Task Passwords_that_are_short_or_contain_the_login_are_refused()
    {
        var tooShort = await app.Http.PostAsJsonAsync("/api/v1/admin/users", new { login = "li.viewer", displayName = "李", role = "viewer", password = "short" });
        var withLogin = await app.Http.PostAsJsonAsync("/api/v1/admin/users", new { login = "li.viewer", displayName = "李", role = "viewer", password = "li.viewer-2026-spring" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (tooShort.StatusCode, withLogin.StatusCode));
        Assert.Contains("不能包含用户名", await withLogin.Content.ReadAsStringAsync());
        Assert.DoesNotContain((await app.Http.GetFromJsonAsync<UserAccount[]>("/api/v1/admin/users", Json.Options))!, user => user.Login == "li.viewer");
    }

    [Fact]
    public async Task A_signed_in_page_writes_only_with_its_antiforgery_token_and_only_from_its_own_origin()
    {
        await app.Http.AddUser("zhao.admin", "赵管理", "admin");
        using var browser = Browserish();
        await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "zhao.admin", password = Credentials.Password });
        var token = (await browser.GetFromJsonAsync<CurrentUser>("/api/v1/auth/me", Json.Options))!.CsrfToken!;

        var forged = await browser.PutAsJsonAsync($"/api/v1/targets/{Qingcheng}/occupancy", new { value = 1 });
        var crossSite = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/targets/{Qingcheng}/occupancy") { Content = JsonContent.Create(new { value = 2 }) };
        crossSite.Headers.Add("X-CSRF-TOKEN", token);
        crossSite.Headers.Add("Origin", "http://evil.example");
        var fromElsewhere = await browser.SendAsync(crossSite);
        var crossSiteSocket = new HttpRequestMessage(HttpMethod.Post, "/hubs/dashboard/negotiate?negotiateVersion=1");
        crossSiteSocket.Headers.Add("Origin", "http://evil.example");
        var hijack = await browser.SendAsync(crossSiteSocket);
        var genuine = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/targets/{Qingcheng}/occupancy") { Content = JsonContent.Create(new { value = 3 }) };
        genuine.Headers.Add("X-CSRF-TOKEN", token);
        var own = await browser.SendAsync(genuine);
        var targets = await app.Http.GetStringAsync("/api/v1/targets");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.OK),
            (forged.StatusCode, fromElsewhere.StatusCode, hijack.StatusCode, own.StatusCode));
        Assert.Contains("\"value\":3", targets);
    }

    [Fact]
    public async Task The_first_administrator_is_created_with_the_setup_link_once()
    {
        var link = app.Services.GetRequiredService<FirstAdminSetup>().Link;
        var token = link[(link.IndexOf('=') + 1)..];
        using var browser = Browserish();

        var wrongToken = await browser.PostAsJsonAsync("/api/v1/auth/setup", new { token = "guess", login = "chen.admin", displayName = "陈局", password = Credentials.Password });
        var created = await browser.PostAsJsonAsync("/api/v1/auth/setup", new { token, login = "chen.admin", displayName = "陈局", password = Credentials.Password });
        var me = (await browser.GetFromJsonAsync<CurrentUser>("/api/v1/auth/me", Json.Options))!;
        var second = await Browserish().PostAsJsonAsync("/api/v1/auth/setup", new { token, login = "mallory", displayName = "某人", password = Credentials.Password });

        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.NoContent, HttpStatusCode.Conflict), (wrongToken.StatusCode, created.StatusCode, second.StatusCode));
        Assert.Equal(("陈局", "admin"), (me.Name, me.Role));
    }

    [Fact]
    public async Task The_audit_trail_shows_sign_ins_keys_and_changes_to_admins_only()
    {
        await app.Http.AddUser("sun.viewer", "孙", "viewer");
        using var browser = Browserish();
        await browser.PostAsJsonAsync("/api/v1/auth/signin", new { login = "sun.viewer", password = "wrong password, twice over" });
        await app.Http.PutAsJsonAsync($"/api/v1/targets/{Qingcheng}/rescues", new { value = 40 });
        using var viewer = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("审计测试", "viewer"));

        var trail = (await app.Http.GetFromJsonAsync<SecurityEvent[]>("/api/v1/admin/audit", Json.Options))!;
        var forViewer = await viewer.GetAsync("/api/v1/admin/audit");

        Assert.Contains(trail, entry => entry.Action == "user.add" && entry.Target.Contains("sun.viewer") && entry.Actor.StartsWith("密钥 bootstrap", StringComparison.Ordinal));
        Assert.Contains(trail, entry => entry.Action == "signin" && !entry.Succeeded && entry.Actor == "sun.viewer");
        Assert.Contains(trail, entry => entry.Action == "target.set" && entry.Target == $"{Qingcheng} rescues = 40");
        Assert.Contains(trail, entry => entry.Action == "key.issue" && entry.Target.Contains("审计测试"));
        Assert.Equal(HttpStatusCode.Forbidden, forViewer.StatusCode);
    }

    [Fact]
    public async Task A_burst_beyond_the_rate_limit_gets_429_with_retry_after_and_counts_nothing_of_what_was_refused()
    {
        await using var limited = new DashboardApp(extraSettings: new Dictionary<string, string?>
        {
            ["Dashboard:Auth:RateLimits:RequestsPerSecond"] = "1",
            ["Dashboard:Auth:RateLimits:Burst"] = "5",
        });
        using var source = TestCredentials.Client(limited.BaseAddress, await limited.Http.IssueKey("突发来源", "ingest"));
        var before = await limited.GetCity();
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(index => source.Post(Events.Admitted($"burst-{index}"))));
        var accepted = responses.Count(response => response.StatusCode == HttpStatusCode.OK);
        var refused = responses.Where(response => response.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var after = await limited.GetCity();

        Assert.NotEmpty(refused);
        Assert.Equal(20, accepted + refused.Count);
        Assert.All(refused, response => Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
        Assert.Equal(before.ElderlyCare.Occupants + accepted, after.ElderlyCare.Occupants);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_security_schemes_and_is_for_admins()
    {
        using var viewer = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("文档读者", "viewer"));

        var document = JsonDocument.Parse(await app.Http.GetStringAsync("/openapi/v1.json")).RootElement;
        var forViewer = await viewer.GetAsync("/openapi/v1.json");

        Assert.Equal(["apiKey", "bearer", "session"], document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(scheme => scheme.Name));
        Assert.Equal("X-Api-Key", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("apiKey").GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, forViewer.StatusCode);
    }

    /// <summary>A client that keeps cookies and does not follow redirects, as a browser's requests look to the server.</summary>
    private HttpClient Browserish() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
}
