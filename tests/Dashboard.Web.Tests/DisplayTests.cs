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
}
