using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using Dashboard.Testing;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

public sealed class WallTests(Browser browser) : IClassFixture<Browser>
{
    /// <summary>"update" as a MessagePack string: the target of every pushed change.</summary>
    private static readonly byte[] MessagePackUpdateTarget = [0xa6, .. "update"u8];

    [Theory]
    [InlineData("", "wall")]
    [InlineData("?protocol=messagepack", "wall-messagepack")]
    public async Task The_wall_shows_the_demo_totals_and_an_admission_within_two_seconds_over_JSON_and_MessagePack(string query, string name)
    {
        await using var app = new DashboardApp();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var frames = new ConcurrentQueue<byte[]>();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => frames.Enqueue(frame.Binary ?? Encoding.UTF8.GetBytes(frame.Text ?? ""));
        var errors = page.ConsoleErrors();

        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, "/" + query));
        await Expect(page).ToHaveURLAsync(app.BaseAddress + query);
        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,409");
        await Expect(page.GetByTestId("city-beds")).ToHaveTextAsync("8,231");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
        await Expect(page.GetByText("演示数据")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"{name}-1920x1080.png") });

        (await app.Http.Post(Events.Admitted("wall-1"))).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,410", new() { Timeout = 2000 });
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor($"{name}-after-admission-1920x1080.png") });
        var jsonUpdates = frames.Count(frame => frame.AsSpan().IndexOf("\"target\":\"update\""u8) >= 0);
        var messagePackUpdates = frames.Count(frame => frame.AsSpan().IndexOf(MessagePackUpdateTarget) >= 0);
        Assert.True(query.Contains("messagepack") ? jsonUpdates == 0 && messagePackUpdates > 0 : jsonUpdates > 0, $"{jsonUpdates} JSON and {messagePackUpdates} MessagePack updates");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Through_a_minute_of_five_events_a_second_the_wall_and_leader_page_ask_the_server_only_when_a_call_changes_the_trend()
    {
        await using var app = new DashboardApp();
        (await app.Http.PutAsJsonAsync("/api/v1/targets/441802/occupancy", new { value = 2000 })).EnsureSuccessStatusCode();
        var wall = await browser.Open(app, "/", Pages.FullHd);
        var leader = await browser.Open(app, "/leader", Pages.FullHd);
        await Expect(wall.Locator("#trend-chart")).ToHaveAttributeAsync("data-today-calls", "0");
        await Expect(leader.Locator("[data-metric='occupancy'] .ranking-row[data-code='441802']")).ToContainTextAsync("/ 2,000");
        var requests = new ConcurrentQueue<string>();
        void Record(Microsoft.Playwright.IRequest request)
        {
            if (new Uri(request.Url).AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                requests.Enqueue(request.Url);
            }
        }

        wall.Request += (_, request) => Record(request);
        leader.Request += (_, request) => Record(request);

        var homes = DemoRegistry.ElderlyCareIds();
        using var fiveASecond = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        for (var index = 0; index < 300; index++)
        {
            await fiveASecond.WaitForNextTickAsync();
            (await app.Http.Post(Events.Admitted($"steady-{index}", homes[index % homes.Length]))).EnsureSuccessStatusCode();
        }

        await Expect(wall.GetByTestId("city-occupants")).ToHaveTextAsync("3,709");
        Assert.Empty(requests);

        (await app.Http.Post(Events.InboundCall("steady-call", "441823"))).EnsureSuccessStatusCode();
        await Expect(wall.Locator("#trend-chart")).ToHaveAttributeAsync("data-today-calls", "1", new() { Timeout = 10_000 });
        Assert.Contains(requests, url => url.Contains("/hours", StringComparison.Ordinal));
        Assert.DoesNotContain(requests, url => url.Contains("/targets", StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_a_4K_screen_the_whole_wall_scales_up_to_fill_it()
    {
        await using var app = new DashboardApp();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 3840, Height = 2160 }, Locale = "zh-CN" });

        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, "/"));
        await Expect(page.GetByTestId("city-beds")).ToHaveTextAsync("8,231");
        var stage = await page.Locator("#stage").BoundingBoxAsync();
        var chart = await page.Locator("#occupancy-chart").BoundingBoxAsync();
        var counties = await page.Locator("#county-map").BoundingBoxAsync();
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("wall-3840x2160.png") });

        Assert.Equal((3840, 2160), ((int)Math.Round(stage!.Width), (int)Math.Round(stage.Height)));
        Assert.True(chart!.Y + chart.Height < stage.Height * 0.95, $"the chart reaches down to {chart.Y + chart.Height} of {stage.Height}");
        Assert.True(counties!.Y + counties.Height < stage.Height * 0.95, $"the county map reaches down to {counties.Y + counties.Height} of {stage.Height}");
    }

    [Fact]
    public async Task A_county_tile_opens_the_county_page_with_its_institutions_and_over_capacity_in_red()
    {
        await using var app = new DashboardApp();
        (await app.Http.Post(Events.Capacity("cap-1", "441881-QY-001", beds: 300))).EnsureSuccessStatusCode();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN" });

        await page.GotoAsync(await Pages.WallAddress(app.Http, app.BaseAddress, "/"));
        await page.Locator(".map-county[data-code='441881']").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.BaseAddress, "/county/441881").ToString());
        await Expect(page.Locator("#page-title")).ToHaveTextAsync("英德市");
        var regional = page.Locator("tr", new() { HasText = "英德英中片区区域性敬老院" });
        await Expect(regional).ToHaveClassAsync("over");
        await Expect(regional).ToContainTextAsync("超员");
        await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("county-441881-1920x1080.png") });

        (await app.Http.Post(Events.Admitted("county-page-1", institutionId: "441881-GB-001"))).EnsureSuccessStatusCode();
        var occupants = (await app.Http.GetFromJsonAsync<CountyView>("/api/v1/counties/441881", Json.Options))!.ElderlyCare.Occupants;
        await Expect(page.GetByTestId("county-occupants")).ToHaveTextAsync(occupants.ToString("N0", CultureInfo.InvariantCulture), new() { Timeout = 2000 });
    }

    private sealed record CountyView(CapacityView ElderlyCare);

    private sealed record CapacityView(int Occupants);

    [Fact]
    public async Task After_the_server_is_killed_and_started_again_the_wall_recovers_without_a_reload()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-wall-").FullName;
        var port = FreePorts.Next();
        var page = await browser.Chromium.NewPageAsync(new() { ViewportSize = new() { Width = 1920, Height = 1080 }, Locale = "zh-CN" });
        var banner = page.Locator("#connection-banner");
        await using (var first = await DashboardProcess.StartEmbedded("web", folder, listenPort: port))
        {
            await page.GotoAsync(await Pages.WallAddress(first.Http, first.BaseAddress!, "/"));
            await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,409");
            await first.Kill();
            await Expect(banner).ToBeVisibleAsync(new() { Timeout = 10_000 });
            await page.ScreenshotAsync(new() { Path = Screenshots.PathFor("wall-connection-lost-1920x1080.png") });
        }

        await using var second = await DashboardProcess.StartEmbedded("web", folder, listenPort: port);
        (await second.Http.Post(Events.Admitted("after-restart-wall-1"))).EnsureSuccessStatusCode();

        await Expect(page.GetByTestId("city-occupants")).ToHaveTextAsync("3,410", new() { Timeout = 45_000 });
        await Expect(banner).ToBeHiddenAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }
}
