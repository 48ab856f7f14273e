using System.Net.Http.Json;
using Dashboard.Contracts.Hotlines;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

public sealed class DemoRegistryTests
{
    /// <summary>清远市社会福利院老年公寓 is registered under the city code, not under a county.</summary>
    private const int CityLevelOccupants = 128;

    [Fact]
    public async Task First_start_shows_the_2021_report_totals_marked_as_demo()
    {
        await using var app = new DashboardApp();

        var city = await app.GetCity();

        Assert.Equal(("441800", "清远市", true), (city.Code, city.Name, city.Demo));
        Assert.Equal((104, 8231, 3409, 4822), (city.ElderlyCare.Institutions, city.ElderlyCare.Beds, city.ElderlyCare.Occupants, city.ElderlyCare.Available));
        Assert.Equal(
            ["441802", "441803", "441821", "441823", "441825", "441826", "441881", "441882"],
            city.Counties.Select(county => county.Code));
        Assert.Equal(city.ElderlyCare.Occupants - CityLevelOccupants, city.Counties.Sum(county => county.ElderlyCare.Occupants));
    }

    [Fact]
    public async Task A_demo_start_has_weeks_of_plausible_hotline_history_before_yesterday_and_none_since()
    {
        await using var app = new DashboardApp();

        var lines = await Task.WhenAll(new[] { "441800", "441823" }.Select(async line =>
            (await app.Http.GetFromJsonAsync<HotlineHistory>($"/api/v1/hotlines/{line}/hours?days=35", Json.Options))!.Inbound));

        Assert.All(lines, hours =>
        {
            var past = hours[..^48];
            var recent = hours[^48..];
            Assert.InRange(past.Sum() / 33.0, 1, 12);
            Assert.InRange(past.Max(), 1, 2);
            Assert.Equal(0, recent.Sum());
        });
        Assert.True(lines[0].Sum() > lines[1].Sum(), "the city's line gets more calls than a county's");
    }

    [Fact]
    public async Task A_restart_does_not_load_the_registry_again()
    {
        string folder;
        await using (var first = new DashboardApp())
        {
            folder = first.DataFolder;
            (await first.Http.Post(Events.Discharged("restart-1", count: 3))).EnsureSuccessStatusCode();
        }

        await using var second = new DashboardApp(folder);

        Assert.Equal(3409 - 3, (await second.GetCity()).ElderlyCare.Occupants);
    }
}
