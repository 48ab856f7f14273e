using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

/// <summary>机构填报: an institution's reporting link writes and reads that institution and nothing else.</summary>
public sealed class ReportingTests : IAsyncDisposable
{
    private const string Home = Events.SomeInstitution;
    private const string OtherHome = "441802-GB-002";
    private const string Qingxin = "441803";

    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_reporting_link_writes_and_reads_only_its_own_institution()
    {
        var (url, key) = await app.Http.IssueReportingLink(Home);
        using var phone = TestCredentials.Client(app.BaseAddress, key);
        var before = await app.GetCity();

        var own = await phone.GetFromJsonAsync<JsonElement>("/api/v1/reporting/institution");
        var response = await phone.Post(
            Events.Admitted("phone-1", Home, count: 2),
            Events.Admitted("phone-2", OtherHome),
            Events.InboundCall("phone-3", "441802"));
        var result = (await response.Content.ReadFromJsonAsync<IngestResult>(Json.Options))!;
        var after = await app.GetCity();

        Assert.StartsWith(app.BaseAddress.ToString(), url);
        Assert.Contains("/report#dr_", url);
        Assert.Equal((Home, "清城区凤城街道敬老院", "清城区", 11), (own.GetProperty("institution").GetProperty("id").GetString(),
            own.GetProperty("institution").GetProperty("name").GetString(), own.GetProperty("countyName").GetString(),
            own.GetProperty("institution").GetProperty("occupants").GetInt32()));
        Assert.Equal([EventStatus.Accepted, EventStatus.Rejected, EventStatus.Rejected], result.Results.Select(item => item.Status));
        Assert.Contains($"只能填报机构 {Home}", result.Results[1].Reason);
        Assert.Equal(before.ElderlyCare.Occupants + 2, after.ElderlyCare.Occupants);
        Assert.Equal(before.Hotline.Answered, after.Hotline.Answered);
        foreach (var path in new[] { "/api/v1/city", "/api/v1/counties/441802", $"/api/v1/institutions/{Home}", "/api/v1/hotlines", "/api/v1/admin/reporting" })
        {
            Assert.Equal((path, HttpStatusCode.Forbidden), (path, (await phone.GetAsync(path)).StatusCode));
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await phone.PostAsync("/hubs/dashboard/negotiate?negotiateVersion=1", null)).StatusCode);
    }

    [Fact]
    public async Task Reissuing_a_link_refuses_the_old_one_and_revoking_refuses_the_phone_at_once()
    {
        var (_, first) = await app.Http.IssueReportingLink(Home);
        var (_, second) = await app.Http.IssueReportingLink(Home);
        using var oldPhone = TestCredentials.Client(app.BaseAddress, first);
        using var newPhone = TestCredentials.Client(app.BaseAddress, second);

        var old = await oldPhone.Post(Events.Admitted("reissue-1", Home));
        var current = await newPhone.Post(Events.Admitted("reissue-2", Home));
        var revoked = await app.Http.DeleteAsync($"/api/v1/admin/reporting/{Home}");
        var afterRevoke = await newPhone.Post(Events.Admitted("reissue-3", Home));
        var revokedAgain = await app.Http.DeleteAsync($"/api/v1/admin/reporting/{Home}");
        var links = await app.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reporting");

        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, afterRevoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revokedAgain.StatusCode);
        Assert.Equal(JsonValueKind.Null, links!.Single(link => link.GetProperty("institutionId").GetString() == Home).GetProperty("linkId").ValueKind);
    }

    [Fact]
    public async Task The_admin_list_shows_each_institutions_link_and_when_it_last_reported()
    {
        var (_, key) = await app.Http.IssueReportingLink(Home);
        await app.Http.IssueReportingLink(OtherHome);
        using var phone = TestCredentials.Client(app.BaseAddress, key);
        (await phone.Post(Events.Admitted("last-1", Home))).EnsureSuccessStatusCode();

        var links = (await app.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reporting"))!.ToDictionary(link => link.GetProperty("institutionId").GetString()!);

        Assert.True(links.Count > 100, $"{links.Count} institutions listed");
        var reported = links[Home];
        Assert.Equal(JsonValueKind.String, reported.GetProperty("linkId").ValueKind);
        Assert.InRange(reported.GetProperty("lastReportedAt").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(JsonValueKind.String, links[OtherHome].GetProperty("linkId").ValueKind);
        Assert.Equal(JsonValueKind.Null, links[OtherHome].GetProperty("lastReportedAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, links["441803-GB-001"].GetProperty("linkId").ValueKind);
    }

    [Fact]
    public async Task A_county_admin_issues_links_only_in_its_county()
    {
        using var countyAdmin = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("清新区管理员", "admin", Qingxin));
        var qingxinHome = DemoRegistry.ElderlyCareIds().First(id => id.StartsWith(Qingxin, StringComparison.Ordinal));

        var own = await countyAdmin.PostAsJsonAsync($"/api/v1/admin/reporting/{qingxinHome}", new { });
        var other = await countyAdmin.PostAsJsonAsync($"/api/v1/admin/reporting/{Home}", new { });
        var links = await countyAdmin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/reporting");

        Assert.Equal(HttpStatusCode.Created, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.All(links!, link => Assert.Equal(Qingxin, link.GetProperty("countyCode").GetString()));
    }

    [Fact]
    public async Task The_issued_link_comes_with_a_qr_code_and_uses_the_configured_public_address()
    {
        await using var published = new DashboardApp(extraSettings: new Dictionary<string, string?>
        {
            ["Dashboard:Reporting:PublicBaseUrl"] = "https://mz.example.gov.cn/dashboard/",
        });

        var response = await published.Http.PostAsJsonAsync($"/api/v1/admin/reporting/{Home}", new { });
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.StartsWith("https://mz.example.gov.cn/dashboard/report#dr_", issued.GetProperty("url").GetString());
        Assert.Matches("^(<\\?xml[^>]*>\\s*)?<svg[\\s\\S]*</svg>\\s*$", issued.GetProperty("qrCodeSvg").GetString());
        Assert.DoesNotContain("key", issued.EnumerateObject().Select(property => property.Name));
    }

    [Fact]
    public async Task A_reporter_role_is_refused_for_ordinary_keys_and_people()
    {
        var key = await app.Http.PostAsJsonAsync("/api/v1/admin/keys", new { name = "伪装的填报密钥", role = "reporter", counties = Array.Empty<string>() });
        var person = await app.Http.PostAsJsonAsync("/api/v1/admin/users",
            new { login = "clerk", displayName = "文员", role = "reporter", counties = Array.Empty<string>(), password = Credentials.Password });

        Assert.Equal(HttpStatusCode.BadRequest, key.StatusCode);
        Assert.Contains("填报链接", await key.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, person.StatusCode);
    }
}
