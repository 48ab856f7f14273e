using System.Net;
using System.Net.Http.Json;
using Dashboard.Testing;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Tests;

public sealed class TargetsTests : IAsyncDisposable
{
    private DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task An_administrator_sets_replaces_and_removes_a_county_target()
    {
        var empty = await Targets(app);

        (await app.Http.PutAsJsonAsync("/api/v1/targets/441881/occupancy", new { value = 900 })).EnsureSuccessStatusCode();
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441881/hotlineCases", new { value = 12 })).EnsureSuccessStatusCode();
        var replaced = await app.Http.PutAsJsonAsync("/api/v1/targets/441881/occupancy", new { value = 950 });
        var afterPut = await Targets(app);
        var removed = await app.Http.DeleteAsync("/api/v1/targets/441881/hotlineCases");
        var afterDelete = await Targets(app);

        Assert.Empty(empty.Targets);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        Assert.Equal([new TargetView("441881", "hotlineCases", 12), new TargetView("441881", "occupancy", 950)], afterPut.Targets.OrderBy(target => target.Metric));
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        Assert.Equal([new TargetView("441881", "occupancy", 950)], afterDelete.Targets);
        Assert.True(afterDelete.Version > afterPut.Version);
    }

    [Theory]
    [InlineData("999999", "occupancy", 10, "county")]
    [InlineData("441800", "occupancy", 10, "county")]
    [InlineData("441881", "beds", 10, "metric")]
    [InlineData("441881", "1", 10, "metric")]
    [InlineData("441881", "rescues", -1, "value")]
    public async Task A_target_for_an_unknown_county_or_metric_or_below_zero_is_refused_with_problem_details(string county, string metric, int value, string field)
    {
        var response = await app.Http.PutAsJsonAsync($"/api/v1/targets/{county}/{metric}", new { value });
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Empty((await Targets(app)).Targets);
    }

    [Fact]
    public async Task Removing_a_target_of_an_unknown_metric_is_refused_and_of_a_known_one_without_a_target_is_harmless()
    {
        var unknown = await app.Http.DeleteAsync("/api/v1/targets/441881/beds");
        var absent = await app.Http.DeleteAsync("/api/v1/targets/441881/reunions");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.OK, absent.StatusCode);
    }

    [Fact]
    public async Task A_body_without_a_whole_number_value_is_a_bad_request_not_a_server_error()
    {
        var missing = await app.Http.PutAsJsonAsync("/api/v1/targets/441881/rescues", new { });
        var fraction = await app.Http.PutAsync("/api/v1/targets/441881/rescues", JsonContent.Create(new { value = 1.5 }));
        var text = await app.Http.PutAsync("/api/v1/targets/441881/rescues", JsonContent.Create(new { value = "many" }));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (missing.StatusCode, fraction.StatusCode, text.StatusCode));
    }

    [Fact]
    public async Task Targets_survive_a_restart()
    {
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441823/reunions", new { value = 8 })).EnsureSuccessStatusCode();
        var folder = app.DataFolder;
        await app.DisposeAsync();

        app = new DashboardApp(folder);

        Assert.Equal([new TargetView("441823", "reunions", 8)], (await Targets(app)).Targets);
    }

    private static async Task<TargetSetView> Targets(DashboardApp app) =>
        (await app.Http.GetFromJsonAsync<TargetSetView>("/api/v1/targets"))!;

    private sealed record TargetSetView(long Version, TargetView[] Targets);

    private sealed record TargetView(string County, string Metric, int Value);
}
