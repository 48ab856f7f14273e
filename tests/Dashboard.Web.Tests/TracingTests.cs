using System.Diagnostics;
using Dashboard.Testing;
using OpenTelemetry.Trace;
using Xunit.Abstractions;

namespace Dashboard.Web.Tests;

/// <summary>
/// With an OTLP endpoint set, an ingest request is one trace from the HTTP request through the grain
/// calls to the storage write. The spans are read from an in-memory exporter beside the OTLP one.
/// </summary>
public sealed class TracingTests(ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<Activity> exported = [];
    private DashboardApp? app;

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_ingest_request_is_one_trace_from_the_http_request_through_the_grain_calls_to_the_storage_write()
    {
        app = new DashboardApp(
            extraSettings: new Dictionary<string, string?> { ["Dashboard:Tracing:OtlpEndpoint"] = "http://127.0.0.1:4317" },
            testServices: services => services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(exported)));
        var trace = ActivityTraceId.CreateRandom();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/events")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { events = new[] { Events.Admitted($"traced-{Guid.NewGuid():N}") } }),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        (await app.Http.SendAsync(request)).EnsureSuccessStatusCode();

        List<Activity> spans = [];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!spans.Any(span => span.Kind == ActivityKind.Server && span.Source.Name == "Microsoft.AspNetCore"))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            // The exporter adds to the list from the thread that ends a span; a copy taken meanwhile
            // may miss the newest or hold an empty slot, and the next look sees it.
            spans = [.. exported.ToArray().Where(span => span is not null && span.TraceId == trace)];
        }

        output.WriteLine(string.Join('\n', spans.Select(span => $"{span.Source.Name}: {span.DisplayName} ({span.Kind})")));
        Assert.Contains(spans, span => span.DisplayName == "POST /api/v1/events");
        Assert.Contains(spans, span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)
            && span.DisplayName.Contains("IInstitutionGrain", StringComparison.Ordinal));
        Assert.Contains(spans, span => span.Source.Name == "Dashboard.Storage" && span.GetTagItem("dashboard.storage.changes") is int changes && changes >= 1);
    }
}
