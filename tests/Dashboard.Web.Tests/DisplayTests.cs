using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

public sealed class DisplayTests
{
    [Fact]
    public async Task Pages_get_the_thresholds_stale_age_page_turn_and_carousel_from_configuration_with_defaults_for_the_rest()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?>
        {
            ["Dashboard:Display:Thresholds:occupancyRate:Warn"] = "80",
            ["Dashboard:Display:StaleAfter"] = "00:05:00",
            ["Dashboard:Display:PageTurnInterval"] = "00:00:04",
            ["Dashboard:Display:Carousel:Screens:0"] = "/leader",
            ["Dashboard:Display:Carousel:Screens:1"] = "/duty",
        });

        var display = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/display");

        var thresholds = display.GetProperty("thresholds");
        Assert.Equal((80, 95), (thresholds.GetProperty("occupancyRate").GetProperty("warn").GetDouble(), thresholds.GetProperty("occupancyRate").GetProperty("alarm").GetDouble()));
        Assert.True(thresholds.GetProperty("availableBeds").GetProperty("lowerIsWorse").GetBoolean());
        Assert.Equal(["availableBeds", "lastHourCalls", "missedCalls", "occupancyRate", "stranded"], thresholds.EnumerateObject().Select(metric => metric.Name).Order());
        Assert.Equal(300, display.GetProperty("staleAfterSeconds").GetDouble());
        Assert.Equal(4, display.GetProperty("pageTurnIntervalSeconds").GetDouble());
        Assert.Equal(["/leader", "/duty"], display.GetProperty("carouselScreens").EnumerateArray().Select(screen => screen.GetString()));
    }

    [Fact]
    public async Task A_threshold_whose_red_lies_before_its_amber_stops_the_server_at_start()
    {
        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?>
            {
                ["Dashboard:Display:Thresholds:missedCalls:Warn"] = "10",
                ["Dashboard:Display:Thresholds:missedCalls:Alarm"] = "3",
            });
        });

        Assert.Contains("Alarm must lie beyond Warn", failure?.ToString());
    }

    [Fact]
    public async Task Viewers_get_the_registrys_city_name_and_the_county_map_with_an_entity_tag_and_anonymous_callers_get_neither()
    {
        await using var app = new DashboardApp();

        var display = await app.Http.GetFromJsonAsync<JsonElement>("/api/v1/display");
        var map = await app.Http.GetAsync("/api/v1/display/map");
        var features = (await map.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("features");
        using var again = new HttpRequestMessage(HttpMethod.Get, "/api/v1/display/map");
        again.Headers.IfNoneMatch.Add(map.Headers.ETag!);
        var unchanged = await app.Http.SendAsync(again);

        Assert.Equal("清远市", display.GetProperty("cityName").GetString());
        Assert.True(display.GetProperty("map").GetBoolean());
        Assert.Equal("application/geo+json", map.Content.Headers.ContentType?.MediaType);
        Assert.Equal(DemoRegistry.CountyCodes.Order(), features.EnumerateArray().Select(feature => feature.GetProperty("properties").GetProperty("code").GetString()).Order());
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/display/map")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/display")).StatusCode);
    }

    [Theory]
    [InlineData("""{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"无编码"},"geometry":{"type":"Polygon","coordinates":[]}}]}""", "properties.code")]
    [InlineData("""{"type":"Feature","properties":{"code":"441802"}}""", "not a GeoJSON FeatureCollection")]
    [InlineData("""<svg></svg>""", "not JSON")]
    [InlineData(null, "not found")]
    public async Task A_map_file_that_is_missing_or_not_a_collection_of_coded_polygons_stops_the_server_at_start(string? content, string reason)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("dashboard-map-").FullName, "map.geojson");
        if (content is not null)
        {
            await File.WriteAllTextAsync(path, content);
        }

        var failure = await Record.ExceptionAsync(async () =>
        {
            await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Display:MapFile"] = path });
        });

        Assert.Contains($"Dashboard:Display:MapFile {path}: ", failure?.Message);
        Assert.Contains(reason, failure?.Message);
    }
}
