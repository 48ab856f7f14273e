using System.Diagnostics;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Dashboard.Browser.Tests;

/// <summary>
/// The wall under a steady stream of updates for <c>DASHBOARD_SOAK_MINUTES</c> minutes: the JS heap after a
/// forced garbage collection must end where it started (within a small bound), so a wall can run for days.
/// </summary>
public sealed class SoakTests(Browser browser, ITestOutputHelper output) : IClassFixture<Browser>
{
    private const int EventsPerSecond = 5;

    /// <summary>Retained growth allowed over the run: the heap of the wall is about 5–10 MB.</summary>
    private const double AllowedGrowthBytes = 1.5 * 1024 * 1024;

    [SoakFact]
    public async Task The_wall_keeps_a_flat_heap_under_a_steady_update_rate()
    {
        var minutes = SoakFactAttribute.Minutes!.Value;
        await using var app = new DashboardApp();
        var page = await browser.Open(app, "/", Pages.FullHd);
        await Expect(page.GetByTestId("city-beds")).ToHaveTextAsync("8,231");
        var cdp = await page.Context.NewCDPSessionAsync(page);

        // Warm up: a first minute of updates lets code, caches and the charts reach their steady size.
        var warmUp = TimeSpan.FromSeconds(Math.Min(60, minutes * 60 / 4));
        var sent = await SendSteadily(app, warmUp, first: 0);
        var before = await HeapAfterGc(cdp);
        output.WriteLine($"after warm-up ({warmUp.TotalSeconds:F0} s): {before / 1024.0 / 1024.0:F2} MB");

        var run = TimeSpan.FromMinutes(minutes) - warmUp;
        var samples = new List<HeapSample>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < run)
        {
            var slice = TimeSpan.FromSeconds(Math.Min(60, (run - clock.Elapsed).TotalSeconds));
            sent = await SendSteadily(app, slice, sent);
            var heap = await HeapAfterGc(cdp);
            samples.Add(new HeapSample((warmUp + clock.Elapsed).TotalMinutes, heap / 1024.0 / 1024.0));
            output.WriteLine($"minute {samples[^1].Minute:F1}: {samples[^1].Megabytes:F2} MB");
        }

        var after = await HeapAfterGc(cdp);
        var occupants = await page.GetByTestId("city-occupants").TextContentAsync();
        var report = new { minutes, eventsPerSecond = EventsPerSecond, events = sent, beforeBytes = before, afterBytes = after, samples, occupants };
        var folder = Path.Combine(Repository.Root, "artifacts", "soak");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "wall-heap.json"), JsonSerializer.Serialize(report, new JsonSerializerOptions { WriteIndented = true }));
        output.WriteLine($"{sent} events in {minutes} min; heap {before / 1024.0 / 1024.0:F2} MB → {after / 1024.0 / 1024.0:F2} MB");

        Assert.True(after - before < AllowedGrowthBytes, $"the heap grew from {before:N0} to {after:N0} bytes");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "connected");
    }

    private sealed record HeapSample(double Minute, double Megabytes);

    private static async Task<double> HeapAfterGc(ICDPSession cdp)
    {
        await cdp.SendAsync("HeapProfiler.collectGarbage");
        var usage = await cdp.SendAsync("Runtime.getHeapUsage");
        return usage!.Value.GetProperty("usedSize").GetDouble();
    }

    /// <summary>
    /// Sends events one request at a time at <see cref="EventsPerSecond"/> for <paramref name="duration"/>:
    /// an admission and a discharge of the same home in turn, and every tenth a hotline call, so every
    /// part of the wall moves. Returns the number of the next event.
    /// </summary>
    private static async Task<int> SendSteadily(DashboardApp app, TimeSpan duration, int first)
    {
        var institutions = DemoRegistry.ElderlyCareIds();
        var interval = TimeSpan.FromSeconds(1.0 / EventsPerSecond);
        var clock = Stopwatch.StartNew();
        var next = first;
        while (clock.Elapsed < duration)
        {
            var institution = institutions[next / 2 % institutions.Length];
            var change = next % 10 == 9
                ? Events.InboundCall($"soak-call-{next}", "441823")
                : next % 2 == 0 ? Events.Admitted($"soak-{next}", institution) : Events.Discharged($"soak-{next}", institution);
            (await app.Http.Post(change)).EnsureSuccessStatusCode();
            next++;
            var due = interval * (next - first) - clock.Elapsed;
            if (due > TimeSpan.Zero)
            {
                await Task.Delay(due);
            }
        }

        return next;
    }
}
