using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Contracts.Ingest;
using Dashboard.Testing;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Tests;

public sealed class RegistryImportTests : IAsyncDisposable
{
    private readonly DashboardApp app = new();

    static RegistryImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_GB18030_registry_with_Chinese_headers_replaces_the_demo_registry_once_the_dry_run_is_confirmed()
    {
        var csv = "机构编号,机构名称,机构类型,所属区县,床位数,在住人数\r\n" +
                  "QC-001,清城区颐康园,民办养老机构,清城区,120,80\r\n" +
                  "YD-001,英德市福利中心,公办养老机构,441881,200,150\r\n";
        var bytes = Encoding.GetEncoding("GB18030").GetBytes(csv);
        var demo = await app.GetCity();

        var unconfirmed = await Import(bytes, "replace=true");
        var dryRun = (await (await Import(bytes, "replace=true&dryRun=true")).Content.ReadFromJsonAsync<ImportView>())!;
        var untouched = await app.GetCity();
        var response = await Import(bytes, "replace=true&confirm=true");
        var city = await app.GetCity();

        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.Contains("dryRun=true", await unconfirmed.Content.ReadAsStringAsync());
        Assert.Equal((true, 2), (dryRun.DryRun, dryRun.Imported));
        Assert.True(dryRun.Deactivated > 100, $"the dry run would deactivate {dryRun.Deactivated}");
        Assert.Equal((demo.ElderlyCare.Institutions, demo.ElderlyCare.Beds, demo.ElderlyCare.Occupants), (untouched.ElderlyCare.Institutions, untouched.ElderlyCare.Beds, untouched.ElderlyCare.Occupants));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((2, 320, 230), (city.ElderlyCare.Institutions, city.ElderlyCare.Beds, city.ElderlyCare.Occupants));
        Assert.Equal(0, city.ChildWelfare.Institutions);
        Assert.False(city.Demo);
        Assert.Equal(0, city.Hotline.Answered);
    }

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_whole_with_every_line_reported()
    {
        var before = await app.GetCity();
        var csv = "\uFEFFid,name,kind,county,beds,occupants\n" +
                  "NEW-001,新建养老院,public-elderly-care,441802,50,10\n" +
                  "NEW-002,,public-elderly-care,441802,50,10\n" +
                  "NEW-003,某机构,游乐场,999999,-1,0\n";

        var response = await Import(Encoding.UTF8.GetBytes(csv), "replace=false");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["第 3 行", "第 4 行"], problem!.Errors.Keys.Order());
        Assert.True(problem.Errors["第 4 行"].Length >= 3);
        Assert.Equal(before.ElderlyCare.Institutions, (await app.GetCity()).ElderlyCare.Institutions);
    }

    [Fact]
    public async Task A_deactivated_institution_leaves_the_totals_and_refuses_events()
    {
        var before = await app.GetCity();
        var home = (await app.Http.GetFromJsonAsync<InstitutionView>($"/api/v1/institutions/{Events.SomeInstitution}"))!;

        (await app.Http.PostAsync($"/api/v1/registry/institutions/{Events.SomeInstitution}/deactivate", null)).EnsureSuccessStatusCode();
        var after = await app.GetCity();
        var refused = await (await app.Http.Post(Events.Admitted("after-deactivation"))).Content.ReadFromJsonAsync<IngestResult>(Json.Options);

        Assert.Equal(before.ElderlyCare.Institutions - 1, after.ElderlyCare.Institutions);
        Assert.Equal(before.ElderlyCare.Occupants - home.Occupants, after.ElderlyCare.Occupants);
        Assert.Equal(EventStatus.Rejected, refused!.Results.Single().Status);
    }

    [Fact]
    public async Task An_administrator_can_add_an_institution_and_it_counts_at_once()
    {
        var before = await app.GetCity();

        var response = await app.Http.PutAsJsonAsync("/api/v1/registry/institutions/QX-NEW-1",
            new { name = "清新区新建敬老院", kind = "公办养老机构", county = "清新区", beds = 60, occupants = 0 });
        var invalid = await app.Http.PutAsJsonAsync("/api/v1/registry/institutions/QX-NEW-2", new { name = "", kind = "x", county = "nowhere", beds = -5 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(before.ElderlyCare.Beds + 60, (await app.GetCity()).ElderlyCare.Beds);
    }

    private Task<HttpResponseMessage> Import(byte[] content, string query) =>
        app.Http.PostAsync($"/api/v1/registry/import?{query}", new ByteArrayContent(content) { Headers = { { "Content-Type", "text/csv" } } });

    private sealed record ImportView(int Imported, int Deactivated, bool DryRun);

    private sealed record InstitutionView(string Id, int Occupants);
}
