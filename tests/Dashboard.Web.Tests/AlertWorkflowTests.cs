using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Channels;
using Dashboard.Contracts.Alerts;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Web.Tests;

/// <summary>
/// The alert workflow through the API on the embedded product, with real surges that fire at once
/// (the timing of the lifecycle is tested on a fake clock in the grain tests).
/// </summary>
public sealed class AlertWorkflowTests
{
    private const string County = "441802";


    [Fact]
    public async Task An_officer_acknowledges_and_resolves_under_their_own_identity_and_the_handover_shows_it()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        using var desk = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("值班台", "duty"));
        var shiftStart = DateTimeOffset.UtcNow;
        var alert = await AlertSurge.Fire(app, County);

        var acknowledged = await desk.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/ack", new { by = "李值班", note = "已电话核实" });
        var resolved = await desk.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/resolve", new { note = "已转县民政局处理" });
        var again = await desk.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/resolve", new { by = "张值班" });
        var handover = (await desk.GetFromJsonAsync<Handover>($"/api/v1/alerts/handover?since={Uri.EscapeDataString(shiftStart.ToString("O"))}", Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.StartsWith("李值班 / 密钥 值班台 (", (await acknowledged.Content.ReadFromJsonAsync<AlertView>(Json.Options))!.AcknowledgedBy);
        Assert.Equal(AlertState.Resolved, (await resolved.Content.ReadFromJsonAsync<AlertView>(Json.Options))!.State);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("值班台", await again.Content.ReadAsStringAsync());
        Assert.Contains(handover.Opened, opened => opened.Id == alert.Id);
        Assert.Contains(handover.Handled, handled => handled.Id == alert.Id && handled.ResolvedBy!.StartsWith("密钥 值班台 (", StringComparison.Ordinal));
        Assert.DoesNotContain(handover.StillOpen, open => open.Id == alert.Id);
    }

    [Fact]
    public async Task A_county_officer_sees_and_handles_only_the_alerts_and_silences_of_its_county()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        using var qingxin = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("清新区值班", "duty", "441803"));
        var elsewhere = await AlertSurge.Fire(app, County);
        var own = await AlertSurge.Fire(app, "441803");

        var board = (await qingxin.GetFromJsonAsync<AlertBoard>("/api/v1/alerts", Json.Options))!;
        var foreign = await qingxin.PostAsJsonAsync($"/api/v1/alerts/{elsewhere.Id}/ack", new { note = "越权" });
        var mine = await qingxin.PostAsJsonAsync($"/api/v1/alerts/{own.Id}/ack", new { note = "已核实" });
        var everyLine = await qingxin.PostAsJsonAsync("/api/v1/alerts/silences", new { ends = DateTimeOffset.UtcNow.AddHours(1), reason = "全市" });
        var ownLine = await qingxin.PostAsJsonAsync("/api/v1/alerts/silences", new { scope = "441803", ends = DateTimeOffset.UtcNow.AddHours(1), reason = "本县活动" });

        Assert.Equal([own.Id], board.Alerts.Select(alert => alert.Id));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.OK), (foreign.StatusCode, mine.StatusCode));
        Assert.Equal((HttpStatusCode.Forbidden, HttpStatusCode.Created), (everyLine.StatusCode, ownLine.StatusCode));
        Assert.Null((await app.Http.GetFromJsonAsync<AlertDetail>($"/api/v1/alerts/{elsewhere.Id}", Json.Options))!.Alert.AcknowledgedAt);
    }

    [Fact]
    public async Task A_county_officer_s_hub_connection_gets_the_lines_and_alerts_of_its_county_only()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        var updates = Channel.CreateUnbounded<JsonElement>();
        await using var connection = TestCredentials.Hub(app.BaseAddress, await app.Http.IssueKey("清新区值班", "duty", "441803")).Build();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();

        var lines = await connection.InvokeAsync<JsonElement>("Subscribe", "hotline");
        var board = await connection.InvokeAsync<JsonElement>("Subscribe", "alerts");
        await AlertSurge.Fire(app, County);
        var own = await AlertSurge.Fire(app, "441803");
        var received = new List<JsonElement>();
        while (!received.Any(update => AlertIds(update).Contains(own.Id)))
        {
            received.Add(await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)));
        }

        Assert.Equal(["441803"], lines.GetProperty("lines").EnumerateArray().Select(line => line.GetProperty("code").GetString()));
        Assert.Empty(board.GetProperty("alerts").EnumerateArray());
        Assert.All(received, update => Assert.Contains(update.GetProperty("key").GetString(), new[] { "hotline:441803", "alerts" }));
        Assert.Contains(received, update => update.GetProperty("key").GetString() == "hotline:441803");
        Assert.All(received.Where(update => update.GetProperty("key").GetString() == "alerts").SelectMany(update => update.GetProperty("data").GetProperty("alerts").EnumerateArray()),
            alert => Assert.Equal("441803", alert.GetProperty("scope").GetString()));
    }

    private static IEnumerable<string?> AlertIds(JsonElement update) =>
        update.GetProperty("key").GetString() == "alerts"
            ? update.GetProperty("data").GetProperty("alerts").EnumerateArray().Select(alert => alert.GetProperty("id").GetString())
            : [];

    [Fact]
    public async Task Bad_actions_and_silences_get_problem_details_and_change_nothing()
    {
        await using var app = new DashboardApp();

        var hidden = await app.Http.PostAsJsonAsync("/api/v1/alerts/1/ack", new { note = "已核实\u202e" });
        var unknown = await app.Http.PostAsJsonAsync("/api/v1/alerts/999/ack", new { by = "李值班" });
        var endless = await app.Http.PostAsJsonAsync("/api/v1/alerts/silences", new { scope = County, reason = "活动", by = "王科长" });
        var nowhere = await app.Http.PostAsJsonAsync("/api/v1/alerts/silences",
            new { scope = "999999", ends = DateTimeOffset.UtcNow.AddHours(1), reason = "活动", by = "王科长" });

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest),
            (hidden.StatusCode, unknown.StatusCode, endless.StatusCode, nowhere.StatusCode));
        Assert.Equal("application/problem+json", endless.Content.Headers.ContentType!.MediaType);
        Assert.Contains("ends", await endless.Content.ReadAsStringAsync());
        Assert.Empty((await app.Http.GetFromJsonAsync<Silence[]>("/api/v1/alerts/silences", Json.Options))!);
    }

    [Fact]
    public async Task A_scheduled_silence_is_listed_and_ending_it_is_audited()
    {
        await using var app = new DashboardApp();
        var starts = DateTimeOffset.UtcNow.AddDays(1);

        var created = await app.Http.PostAsJsonAsync("/api/v1/alerts/silences",
            new { scope = County, rule = "spike", starts, ends = starts.AddHours(8), reason = "未保宣传日，来电预计增多", by = "王科长" });
        var silence = (await created.Content.ReadFromJsonAsync<Silence>(Json.Options))!;
        var listed = (await app.Http.GetFromJsonAsync<Silence[]>("/api/v1/alerts/silences", Json.Options))!;
        var ended = await app.Http.DeleteAsync($"/api/v1/alerts/silences/{silence.Id}?by=王科长");
        var audit = (await app.Http.GetFromJsonAsync<AuditEntry[]>("/api/v1/alerts/audit", Json.Options))!;

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Contains(listed, listedSilence => listedSilence.Id == silence.Id && listedSilence.Starts == starts);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        Assert.Equal(["silence-added", "silence-removed"], audit.Where(entry => entry.Subject == silence.Id).Select(entry => entry.Action));
    }

    [Fact]
    public async Task The_alerts_group_pushes_every_transition()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        var updates = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();
        var board = await connection.InvokeAsync<JsonElement>("Subscribe", "alerts");

        var alert = await AlertSurge.Fire(app, County);
        await app.Http.PostAsJsonAsync($"/api/v1/alerts/{alert.Id}/ack", new { by = "李值班" });
        var states = new List<string>();
        while (!states.Contains("acknowledged"))
        {
            var update = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("alerts", update.GetProperty("key").GetString());
            states.Add(update.GetProperty("data").GetProperty("alerts")[0].GetProperty("state").GetString()!);
        }

        Assert.Equal(0, board.GetProperty("alerts").GetArrayLength());
        Assert.Equal("acknowledged", states[^1]);
    }
}
