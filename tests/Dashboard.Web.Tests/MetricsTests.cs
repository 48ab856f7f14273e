using System.Globalization;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Web.Tests;

/// <summary>The Prometheus scrape an operator watches: what came in, how it was stored, who is watching.</summary>
[Collection(MeasuresTheProcess.Name)]
public sealed class MetricsTests : IAsyncDisposable
{
    private readonly DashboardApp app = new(extraSettings: new Dictionary<string, string?> { ["Dashboard:Metrics:Enabled"] = "true" });

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task After_an_ingest_the_scrape_shows_the_events_by_type_and_outcome_the_write_latency_and_the_connected_walls()
    {
        await using var wall = TestCredentials.Hub(app.BaseAddress).Build();
        var pushed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        wall.On<JsonElement>("update", _ => pushed.TrySetResult());
        await wall.StartAsync();
        await wall.InvokeAsync<JsonElement>("Subscribe", "city");
        await wall.InvokeAsync<JsonElement>("Subscribe", "county:441802");
        var admitted = Events.Admitted("metrics-1");
        (await app.Http.Post(admitted, Events.Discharged("metrics-2"))).EnsureSuccessStatusCode();
        (await app.Http.Post(admitted)).EnsureSuccessStatusCode();
        (await app.Http.Post(Events.Admitted("metrics-3", institutionId: "no-such-home"))).EnsureSuccessStatusCode();

        await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        var scrape = Parse(await app.Http.GetStringAsync("/metrics"));

        double Value(string name, params string[] labels) =>
            scrape.Where(sample => sample.Name == name && labels.All(sample.Labels.Contains)).Sum(sample => sample.Value);
        Assert.Equal(1, Value("dashboard_ingest_events_total", "dashboard_event_type=\"institution.admitted\"", "dashboard_event_outcome=\"accepted\""));
        Assert.Equal(1, Value("dashboard_ingest_events_total", "dashboard_event_type=\"institution.admitted\"", "dashboard_event_outcome=\"duplicate\""));
        Assert.Equal(1, Value("dashboard_ingest_events_total", "dashboard_event_type=\"institution.discharged\"", "dashboard_event_outcome=\"accepted\""));
        Assert.Equal(1, Value("dashboard_ingest_events_total", "dashboard_event_outcome=\"rejected\"", "error_type=\"not_counted\""));
        Assert.True(Value("orleans_storage_write_latency_milliseconds_count") >= 1, "Orleans' storage write latency histogram has writes");
        Assert.True(Value("dashboard_storage_commit_size_count") >= 1, "group-commit sizes are recorded");
        Assert.Equal(1, Value("dashboard_push_connections"));
        Assert.Equal(1, Value("dashboard_push_subscriptions", "dashboard_group_kind=\"city\""));
        Assert.Equal(1, Value("dashboard_push_subscriptions", "dashboard_group_kind=\"county\""));
        Assert.True(Value("dashboard_push_update_age_seconds_count") >= 1, "the age of pushed updates is recorded");
        Assert.True(Value("dashboard_push_batch_size_count") >= 1, "the size of update batches is recorded");
        Assert.True(Value("http_server_request_duration_seconds_count", "http_route=\"/api/v1/events\"") >= 3, "ingest request latency by route");
        Assert.Equal(DemoRegistry.ElderlyCareInstitutions, Value("dashboard_registry_size", "dashboard_registry_kind=\"elderly_care\""));
        Assert.Equal(8, Value("dashboard_registry_size", "dashboard_registry_kind=\"county\""));
        Assert.Equal(0, Value("dashboard_alerts_open", "dashboard_alert_state=\"firing\""));
        Assert.Contains(scrape, sample => sample.Name == "dashboard_alerts_open" && sample.Labels.Contains("dashboard_alert_state=\"acknowledged\"", StringComparison.Ordinal));
    }

    private sealed record Sample(string Name, string Labels, double Value);

    /// <summary>Prometheus text format: <c>name{labels} value [timestamp]</c>; comments skipped.</summary>
    private static List<Sample> Parse(string text) =>
        [.. text.Split('\n').Where(line => line.Length > 0 && !line.StartsWith('#')).Select(line =>
        {
            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var end = line.LastIndexOf('}');
            var (name, labels, rest) = brace < 0 || brace > line.IndexOf(' ', StringComparison.Ordinal)
                ? (line[..line.IndexOf(' ', StringComparison.Ordinal)], "", line[(line.IndexOf(' ', StringComparison.Ordinal) + 1)..])
                : (line[..brace], line[brace..(end + 1)], line[(end + 2)..]);
            return new Sample(name, labels, double.Parse(rest.Split(' ')[0], CultureInfo.InvariantCulture));
        })];
}
