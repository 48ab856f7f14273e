using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Web.Tests;

/// <summary>
/// A corpus of requests an attacker (or a broken integration) sends, authenticated as a city-wide
/// admin so that every one reaches validation: each answers 4xx problem details, never a 5xx or a
/// timeout; the node's memory stays bounded; and no counter, target, alert or registry entry changes.
/// </summary>
[Collection(MeasuresTheProcess.Name)]
public sealed class HostileInputTests : IAsyncDisposable
{
    private const string Events = "/api/v1/events";
    private const string Json = "application/json";

    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task Every_hostile_request_gets_a_client_error_with_problem_details_and_changes_nothing()
    {
        var before = await Figures();
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var corpus = Corpus().ToList();
        var failures = new List<string>();

        foreach (var (name, request) in corpus)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var response = await app.Http.SendAsync(request(), timeout.Token);
            var status = (int)response.StatusCode;
            var type = response.Content.Headers.ContentType?.MediaType;
            // Kestrel itself refuses a path with an encoded NUL, before any of the service's code runs, with a bare 400.
            var refusedByKestrel = status == 400 && request().RequestUri!.OriginalString.Contains("%00", StringComparison.Ordinal);
            if (status is < 400 or >= 500 || (type != "application/problem+json" && !refusedByKestrel))
            {
                failures.Add($"{name}: {status} {type} {Shorten(await response.Content.ReadAsStringAsync())}");
            }
        }

        // The corpus's own bodies (tens of MB) live in this process too: let them go before measuring what the server kept.
        var sent = corpus.Count;
        corpus.Clear();
        var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
        var after = await Figures();

        Assert.True(sent >= 250, $"the corpus has {sent} requests");
        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} answered wrongly:\n{string.Join("\n", failures)}");
        Assert.Equal(before, after);
        Assert.True(memoryAfter - memoryBefore < 64 * 1024 * 1024, $"managed memory grew by {(memoryAfter - memoryBefore) / 1024 / 1024} MB");
    }

    [Fact]
    public async Task Hub_abuse_is_refused_call_by_call_and_the_connection_keeps_working()
    {
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        await connection.StartAsync();

        var nullGroup = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", (string?)null));
        var longGroup = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", new string('x', 1000)));
        var unknown = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", "county:999999"));
        var method = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("DropTables"));
        var wrongType = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", 42, 43));
        var city = await connection.InvokeAsync<JsonElement>("Subscribe", "city");

        Assert.All([nullGroup, longGroup, unknown, method, wrongType], error => Assert.False(string.IsNullOrEmpty(error.Message)));
        Assert.Equal("441800", city.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_connection_cannot_join_thousands_of_groups_and_a_megabyte_message_closes_only_that_connection()
    {
        await using var unlimited = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Auth:RateLimits:HubCallsPerSecond"] = "100000" });
        await using var greedy = TestCredentials.Hub(unlimited.BaseAddress).Build();
        await greedy.StartAsync();
        var refused = 0;
        foreach (var code in Enumerable.Range(0, 2000).Select(index => $"county:9{index:D5}"))
        {
            try
            {
                await greedy.InvokeAsync<JsonElement>("Subscribe", code);
            }
            catch (HubException)
            {
                refused++;
            }
        }

        await using var abuser = TestCredentials.Hub(unlimited.BaseAddress).Build();
        await abuser.StartAsync();
        var closed = new TaskCompletionSource();
        abuser.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };
        _ = abuser.InvokeAsync<JsonElement>("Subscribe", new string('x', 1024 * 1024)).ContinueWith(_ => { });
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var stillServed = await greedy.InvokeAsync<JsonElement>("Subscribe", "city");

        Assert.Equal(2000, refused);
        Assert.Equal("441800", stillServed.GetProperty("code").GetString());
    }

    [Fact]
    public async Task SubscribeChanges_refuses_what_Subscribe_refuses_and_the_connection_keeps_working()
    {
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        await connection.StartAsync();

        var nullGroup = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("SubscribeChanges", (string?)null));
        var longGroup = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("SubscribeChanges", new string('x', 1000)));
        var unknown = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("SubscribeChanges", "county:999999"));
        var wrongType = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("SubscribeChanges", 42, 43));
        var city = await connection.InvokeAsync<JsonElement>("SubscribeChanges", "city");

        Assert.All([nullGroup, longGroup, unknown, wrongType], error => Assert.False(string.IsNullOrEmpty(error.Message)));
        Assert.Equal("441800", city.GetProperty("code").GetString());
    }

    [Fact]
    public async Task MessagePack_abuse_is_refused_and_a_nesting_bomb_ends_only_its_own_call()
    {
        await using var connection = TestCredentials.Hub(app.BaseAddress).WithMessagePack().Build();
        await connection.StartAsync();
        var map = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", new Dictionary<string, int> { ["city"] = 1 }));
        var number = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", 42));

        var bomb = await SendRawMessagePack(NestedSubscribe(depth: 3000));
        var city = await connection.InvokeAsync<JsonElement>("Subscribe", "city");

        Assert.All([map, number], error => Assert.False(string.IsNullOrEmpty(error.Message)));
        Assert.True(bomb is "closed" or "refused", $"a Subscribe 3,000 arrays deep was {bomb}");
        Assert.Equal("441800", city.GetProperty("code").GetString());
    }

    /// <summary>A Subscribe invocation whose argument is arrays nested <paramref name="depth"/> deep.</summary>
    private static byte[] NestedSubscribe(int depth) =>
        HubWire.Framed([0x96, 0x01, 0x80, 0xa1, (byte)'1', 0xa9, .. "Subscribe"u8, 0x91, .. Enumerable.Repeat((byte)0x91, depth), 0x90, 0x90]);

    /// <summary>Sends one message over a bare MessagePack hub connection: "closed", "refused" (an error completion), or "served".</summary>
    private async Task<string> SendRawMessagePack(byte[] message)
    {
        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(HubWire.Address(app.BaseAddress), CancellationToken.None);
        await socket.SendAsync(HubWire.Handshake(messagePack: true), WebSocketMessageType.Text, true, CancellationToken.None);
        var buffer = new byte[64 * 1024];
        var handshake = await socket.ReceiveAsync(buffer, CancellationToken.None);
        Assert.Equal("{}\u001e", Encoding.UTF8.GetString(buffer, 0, handshake.Count));

        await socket.SendAsync(message, WebSocketMessageType.Binary, true, CancellationToken.None);
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, patience.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return "closed";
            }

            Assert.True(HubWire.TryFrame(buffer.AsSpan(0, received.Count), out var start, out var length));
            if (HubWire.Completion(buffer.AsMemory(start, length), messagePack: true) is { } error)
            {
                return error.Length > 0 ? "refused" : "served";
            }
        }
    }

    [Fact]
    public async Task Hub_calls_beyond_the_rate_limit_are_refused_and_the_connection_recovers()
    {
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        await connection.StartAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 100).Select(async _ =>
        {
            try
            {
                await connection.InvokeAsync<JsonElement>("Subscribe", "city");
                return "served";
            }
            catch (HubException error)
            {
                return error.Message;
            }
        }));

        Assert.Contains("served", outcomes);
        Assert.Contains(outcomes, outcome => outcome.Contains("调用过于频繁"));
    }

    /// <summary>Every figure a hostile request could change: city totals, targets, alerts, the registry of a county.</summary>
    private async Task<string> Figures()
    {
        var city = JsonDocument.Parse(await app.Http.GetStringAsync("/api/v1/city")).RootElement;
        var county = await app.Http.GetStringAsync("/api/v1/counties/441802");
        var targets = await app.Http.GetStringAsync("/api/v1/targets");
        var alerts = JsonDocument.Parse(await app.Http.GetStringAsync("/api/v1/alerts")).RootElement.GetProperty("alerts").GetRawText();
        return string.Join("\n", city.GetProperty("version").GetRawText(), city.GetProperty("elderlyCare").GetRawText(), city.GetProperty("rescue").GetRawText(),
            city.GetProperty("hotline").GetRawText(), WithoutTimes(county), targets, alerts);
    }

    private static string WithoutTimes(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"asOf\":\"[^\"]*\"", string.Empty);

    private static string Shorten(string text) => text.Length > 200 ? text[..200] : text;

    private static IEnumerable<(string Name, Func<HttpRequestMessage> Request)> Corpus()
    {
        var now = DateTimeOffset.UtcNow.ToString("O");
        string Event(string fields) => $$"""{"events":[{"id":"hostile-1","occurredAt":"{{now}}",{{fields}}}]}""";
        // Refused in every id, name and free text: control characters, hidden formatting, broken UTF-16, 4 KB.
        var neverAllowed = new[] { "\u202eevil", "a\u0000b", "line\nbreak", "tab\there", "\u200bzero", new string('x', 4096), "\ud800", "名称\u0007", "\u2028sep" };

        // Refused in names, which walls show and exports carry: markup and spreadsheet formulas.
        var notInNames = new[] { "<script>alert(1)</script>", "=HYPERLINK(\"http://evil\")", "+cmd|' /C calc'!A0", "-1+1", "@SUM(A1)", "<img src=x onerror=alert(1)>" };

        // Refused in registry ids and logins, which follow a strict pattern.
        var notInIds = new[] { "../../etc/passwd", "..\\..\\windows", "%00", "a b", "编号", "x;DROP TABLE" };

        // Ingest: wrong shapes and types.
        foreach (var body in new[]
        {
            "", "null", "[]", "{}", "\"events\"", "{\"events\":null}", "{\"events\":{}}", "{\"events\":[]}", "{\"events\":[null]}", "{\"events\":[1,2,3]}",
            "{\"events\":\"x\"}", "{\"events\":[{}]}", "{", "}", "{\"events\":[{\"id\":", "nul", "{\"events\":[]}garbage", "{\"events\":[],\"events\":[]}",
            new string('[', 5000), "{\"a\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 201),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":\"5\""),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":-1"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":0"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":1e30"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":2.5"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":99999999999999999999"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":true"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"count\":1,\"count\":5000"),
            Event("\"type\":\"institution.capacity\",\"institutionId\":\"441802-GB-001\",\"beds\":-5"),
            Event("\"type\":\"institution.capacity\",\"institutionId\":\"441802-GB-001\",\"beds\":2147483648"),
            Event("\"type\":\"institution.capacity\",\"institutionId\":\"441802-GB-001\"}"),
            Event("\"type\":\"institution.census\",\"institutionId\":\"441802-GB-001\",\"occupants\":null"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":null"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":12345"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":[\"441802-GB-001\"]"),
            Event("\"type\":\"rescue.received\",\"stationId\":\"441802-JZ-001\",\"minor\":\"yes\""),
            Event("\"type\":\"hotline.call\",\"countyCode\":\"441802\",\"direction\":\"sideways\",\"answered\":true"),
            Event("\"type\":\"hotline.call\",\"countyCode\":\"441802\",\"direction\":\"inbound\""),
            Event("\"type\":\"hotline.call\",\"countyCode\":\"4418022\",\"direction\":\"inbound\",\"answered\":true"),
            Event("\"type\":\"hotline.call\",\"countyCode\":441802,\"direction\":\"inbound\",\"answered\":true"),
            Event("\"type\":\"hotline.case\",\"countyCode\":\"441802\",\"kind\":\"gossip\""),
            Event("\"type\":\"unknown.type\""),
            Event("\"type\":null"),
            Event("\"type\":\"institution.admitted\",\"institutionId\":\"441802-GB-001\",\"extra\":{\"deep\":[1,2,3]}").Replace("hostile-1", ""),
            """{"events":[{"id":"hostile-2","type":"institution.admitted","occurredAt":"yesterday","institutionId":"441802-GB-001"}]}""",
            """{"events":[{"id":"hostile-4","type":"institution.admitted","occurredAt":"2021-01-01T00:00:00","institutionId":"441802-GB-001"}]}""",
        })
        {
            yield return ($"events {Shorten(body)}", () => Post(Events, body, Json));
        }

        foreach (var value in neverAllowed)
        {
            var text = JsonSerializer.Serialize(value);
            yield return ($"event id {Shorten(value)}", () => Post(Events, $$"""{"events":[{"id":{{text}},"type":"institution.admitted","occurredAt":"{{now}}","institutionId":"441802-GB-001"}]}""", Json));
            yield return ($"silence reason {Shorten(value)}", () => Post("/api/v1/alerts/silences", $$"""{"scope":"441802","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":{{text}}}""", Json));
            yield return ($"ack note {Shorten(value)}", () => Post("/api/v1/alerts/999/ack", $$"""{"note":{{text}}}""", Json));
        }

        foreach (var value in neverAllowed.Concat(notInNames))
        {
            var text = JsonSerializer.Serialize(value);
            yield return ($"registry name {Shorten(value)}", () => Send(HttpMethod.Put, "/api/v1/registry/institutions/hostile-home", $$"""{"name":{{text}},"kind":"public-elderly-care","county":"441802","beds":10}""", Json));
            yield return ($"key name {Shorten(value)}", () => Post("/api/v1/admin/keys", $$"""{"name":{{text}},"role":"viewer"}""", Json));
            yield return ($"display name {Shorten(value)}", () => Post("/api/v1/admin/displays", $$"""{"name":{{text}}}""", Json));
            yield return ($"user name {Shorten(value)}", () => Post("/api/v1/admin/users", $$"""{"login":"hostile","displayName":{{text}},"role":"viewer","password":"a very long password 1"}""", Json));
            yield return ($"silence by {Shorten(value)}", () => Post("/api/v1/alerts/silences", $$"""{"scope":"441802","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":"活动","by":{{text}}}""", Json));
        }

        foreach (var value in neverAllowed.Concat(notInNames).Concat(notInIds))
        {
            var text = JsonSerializer.Serialize(value);
            yield return ($"institution id {Shorten(value)}", () => Post(Events, Event($"\"type\":\"institution.admitted\",\"institutionId\":{text}"), Json));
            yield return ($"user login {Shorten(value)}", () => Post("/api/v1/admin/users", $$"""{"login":{{text}},"displayName":"某人","role":"viewer","password":"a very long password 1"}""", Json));
            yield return ($"registry id {Shorten(value)}", () => Send(HttpMethod.Put, $"/api/v1/registry/institutions/{Uri.EscapeDataString(value)}", """{"name":"某院","kind":"public-elderly-care","county":"441802","beds":10}""", Json));
            yield return ($"deactivate {Shorten(value)}", () => Post($"/api/v1/registry/institutions/{Uri.EscapeDataString(value)}/deactivate", "", Json));
        }

        // Huge and encoded bodies.
        var tenMegabytes = "{\"events\":[{\"id\":\"" + new string('a', 10 * 1024 * 1024) + "\"}]}";
        yield return ("10 MB event body", () => Post(Events, tenMegabytes, Json));
        var manyEvents = "{\"events\":[" + string.Join(",", Enumerable.Range(0, 100_000).Select(index => $"{{\"id\":\"many-{index}\",\"type\":\"hotline.call\",\"occurredAt\":\"{now}\",\"countyCode\":\"441802\",\"direction\":\"outbound\"}}")) + "]}";
        yield return ("100,000 events", () => Post(Events, manyEvents, Json));
        var tooManyEvents = "{\"events\":[" + string.Join(",", Enumerable.Range(0, 1001).Select(index => $"{{\"id\":\"over-{index}\",\"type\":\"hotline.call\",\"occurredAt\":\"{now}\",\"countyCode\":\"441802\",\"direction\":\"outbound\"}}")) + "]}";
        yield return ("1,001 events", () => Post(Events, tooManyEvents, Json));
        yield return ("10 MB registry name", () => Send(HttpMethod.Put, "/api/v1/registry/institutions/hostile-home", "{\"name\":\"" + new string('名', 5 * 1024 * 1024) + "\",\"kind\":\"public-elderly-care\",\"county\":\"441802\"}", Json));
        yield return ("megabyte silence reason", () => Post("/api/v1/alerts/silences", $$"""{"scope":"441802","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":"{{new string('x', 1024 * 1024)}}"}""", Json));
        foreach (var bytes in new byte[][] { [0xff, 0xfe, 0x7b, 0x7d], [0x7b, 0x22, 0xc3, 0x28, 0x22, 0x3a, 0x31, 0x7d], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0x00, 0x00, 0x00] })
        {
            yield return ($"invalid UTF-8 {Convert.ToHexString(bytes)}", () => PostBytes(Events, [.. "{\"events\":[{\"id\":\""u8.ToArray(), .. bytes, .. "\"}]}"u8.ToArray()], Json));
            yield return ($"invalid UTF-8 target {Convert.ToHexString(bytes)}", () => PostBytes("/api/v1/targets/441802/occupancy", [.. "{\"value\":\""u8.ToArray(), .. bytes, .. "\"}"u8.ToArray()], Json, HttpMethod.Put));
        }

        foreach (var contentType in new[] { "application/json; charset=bogus", "application/json; charset=utf-16", "application/json; charset=latin1", "text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "" })
        {
            foreach (var (method, path, body) in new[]
            {
                (HttpMethod.Post, Events, "{\"events\":[]}"),
                (HttpMethod.Put, "/api/v1/targets/441802/occupancy", "{\"value\":1}"),
                (HttpMethod.Put, "/api/v1/registry/institutions/hostile-home", "{\"name\":\"某院\",\"kind\":\"public-elderly-care\",\"county\":\"441802\"}"),
                (HttpMethod.Post, "/api/v1/alerts/silences", "{\"reason\":\"x\"}"),
                (HttpMethod.Post, "/api/v1/admin/keys", "{\"name\":\"x\",\"role\":\"viewer\"}"),
            })
            {
                yield return ($"{method} {path} as '{contentType}'", () => Send(method, path, body, contentType));
            }
        }

        // Targets: numbers as strings, out of range, duplicate keys, unknown county and metric.
        foreach (var body in new[] { "{\"value\":\"5\"}", "{\"value\":-1}", "{\"value\":1e12}", "{\"value\":1.5}", "{\"value\":null}", "{}", "{\"value\":1,\"value\":2}", "{\"value\":[1]}", "[]", "{\"value\":99999999999}" })
        {
            yield return ($"target {body}", () => Send(HttpMethod.Put, "/api/v1/targets/441802/occupancy", body, Json));
        }

        foreach (var path in new[] { "/api/v1/targets/999999/occupancy", "/api/v1/targets/441802/happiness", "/api/v1/targets/..%2F..%2Fetc/occupancy", $"/api/v1/targets/{new string('9', 2000)}/occupancy" })
        {
            yield return ($"target at {Shorten(path)}", () => Send(HttpMethod.Put, path, "{\"value\":1}", Json));
            yield return ($"target removal at {Shorten(path)}", () => Send(HttpMethod.Delete, path, null, null));
        }

        // Silences and alert actions.
        foreach (var body in new[]
        {
            $$"""{"scope":"441802","starts":"9999-01-01T00:00:00Z","ends":"9999-01-02T00:00:00Z","reason":"远期"}""",
            $$"""{"scope":"441802","ends":"9999-12-31T23:59:59Z","reason":"永远"}""",
            $$"""{"scope":"441802","ends":"2000-01-01T00:00:00Z","reason":"过去"}""",
            $$"""{"scope":"441802","ends":"{{DateTimeOffset.UtcNow.AddDays(40):O}}","reason":"太长"}""",
            $$"""{"scope":"999999","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":"无此区县"}""",
            $$"""{"scope":"441802","rule":"everything","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":"未知规则"}""",
            $$"""{"scope":"441802","ends":"tomorrow","reason":"坏时间"}""",
            $$"""{"scope":"441802","ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}"}""",
            $$"""{"scope":441802,"ends":"{{DateTimeOffset.UtcNow.AddHours(1):O}}","reason":"数字"}""",
        })
        {
            yield return ($"silence {Shorten(body)}", () => Post("/api/v1/alerts/silences", body, Json));
        }

        foreach (var id in new[] { "999", "-1", "0", new string('9', 3000), "..%2F..%2F", "%00", "%3Cscript%3E" })
        {
            yield return ($"ack {Shorten(id)}", () => Post($"/api/v1/alerts/{id}/ack", "{\"note\":\"已核实\"}", Json));
            yield return ($"resolve {Shorten(id)}", () => Post($"/api/v1/alerts/{id}/resolve", "{}", Json));
            yield return ($"end silence {Shorten(id)}", () => Send(HttpMethod.Delete, $"/api/v1/alerts/silences/{id}", null, null));
        }

        // Keys, displays and users: bad roles, counties and logins.
        foreach (var body in new[]
        {
            "{\"name\":\"k\",\"role\":\"root\"}", "{\"name\":\"k\",\"role\":\"Admin\"}", "{\"name\":\"k\",\"role\":null}", "{\"name\":\"k\",\"role\":3}",
            "{\"name\":\"k\",\"role\":\"viewer\",\"counties\":[\"999999\"]}", "{\"name\":\"k\",\"role\":\"viewer\",\"counties\":[null]}",
            "{\"name\":\"k\",\"role\":\"viewer\",\"counties\":\"441802\"}", "{\"name\":\"k\",\"role\":\"viewer\",\"counties\":[" + string.Join(",", Enumerable.Repeat("\"441802\"", 1000)) + ",\"x\"]}",
            "{\"name\":\"\",\"role\":\"viewer\"}", "{\"role\":\"viewer\"}",
        })
        {
            yield return ($"key {Shorten(body)}", () => Post("/api/v1/admin/keys", body, Json));
        }

        foreach (var body in new[]
        {
            "{\"login\":\"ab\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":\"a very long password 1\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":\"short\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":\"good.login is my password\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":\"aaaaaaaaaaaaaaaa\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"ingest\",\"password\":\"a very long password 1\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":\"" + new string('p', 10_000) + "\"}",
            "{\"login\":\"good.login\",\"displayName\":\"某\",\"role\":\"viewer\",\"password\":null}",
        })
        {
            yield return ($"user {Shorten(body)}", () => Post("/api/v1/admin/users", body, Json));
        }

        foreach (var path in new[] { "/api/v1/admin/users/nobody", "/api/v1/admin/users/..%2F..", "/api/v1/admin/keys/nokey", "/api/v1/admin/displays/nodisplay" })
        {
            yield return ($"delete {path}", () => Send(HttpMethod.Delete, path, null, null));
        }

        yield return ("update unknown user", () => Send(HttpMethod.Put, "/api/v1/admin/users/nobody", "{\"role\":\"admin\"}", Json));

        // Sign-in and first-admin setup, open to anyone.
        foreach (var body in new[]
        {
            "{}", "{\"login\":null,\"password\":null}", "{\"login\":\"<script>\",\"password\":\"x\"}", "{\"login\":\"nobody\",\"password\":\"" + new string('p', 100_000) + "\"}",
            "{\"login\":[\"a\"],\"password\":1}", "{\"login\":\"nobody\",\"password\":\"wrong password here\"}",
        })
        {
            yield return ($"sign-in {Shorten(body)}", () => Post("/api/v1/auth/signin", body, Json));
            yield return ($"setup {Shorten(body)}", () => Post("/api/v1/auth/setup", body.Replace("{", "{\"token\":\"guess\",", StringComparison.Ordinal).Replace(",}", "}", StringComparison.Ordinal), Json));
        }

        // Registry CSV: header only with replace, many bad lines, garbage.
        yield return ("header-only CSV replacing everything", () => Post("/api/v1/registry/import?replace=true", "id,name,kind,county,beds,occupants\n", "text/csv"));
        yield return ("empty CSV replacing everything", () => Post("/api/v1/registry/import?replace=true", "", "text/csv"));
        var badLines = "id,name,kind,county,beds,occupants\n" + string.Join("\n", Enumerable.Range(0, 100_000).Select(index => $"bad id {index},=cmd,nokind,nowhere,-1,x"));
        yield return ("100,000 bad CSV lines", () => Post("/api/v1/registry/import", badLines, "text/csv"));
        yield return ("binary CSV", () => PostBytes("/api/v1/registry/import", [.. Enumerable.Range(0, 4096).Select(index => (byte)(index * 37))], "text/csv"));
        yield return ("CSV with formulas and markup", () => Post("/api/v1/registry/import", "id,name,kind,county,beds,occupants\nx-1,=HYPERLINK(\"evil\"),public-elderly-care,441802,1,0\nx-2,<b>院</b>,public-elderly-care,441802,1,0\n", "text/csv"));
        yield return ("CSV with a 4 KB id", () => Post("/api/v1/registry/import", $"id,name,kind,county,beds,occupants\n{new string('a', 4096)},某院,public-elderly-care,441802,1,0\n", "text/csv"));
        yield return ("CSV over 16 MB", () => Post("/api/v1/registry/import", "id,name\n" + new string('a', 17 * 1024 * 1024), "text/csv"));

        // Hotline history CSV: the same kinds of garbage, and hours outside what may be set.
        var badHours = "line,hour,calls\n" + string.Join("\n", Enumerable.Range(0, 100_000).Select(index => $"=cmd{index},9999-99-99 99:99,-{index}"));
        foreach (var (name, body) in new[]
        {
            ("empty", ""), ("header only", "line,hour,calls\n"), ("no header", "441802,2026-01-01 08:00,1\n"), ("100,000 bad lines", badHours),
            ("a future hour", "line,hour,calls\n441802,2999-01-01 08:00,1\n"), ("year 1", "line,hour,calls\n441802,0001-01-01 08:00,1\n"),
            ("a huge count", "line,hour,calls\n441802,2026-01-01 08:00,99999999999999999999\n"), ("markup and formulas", "line,hour,calls\n<b>441802</b>,=NOW(),@SUM(1)\n"),
            ("a 4 KB line code", $"line,hour,calls\n{new string('4', 4096)},2026-01-01 08:00,1\n"),
        })
        {
            yield return ($"history CSV {name}", () => Post("/api/v1/hotlines/history", body, "text/csv"));
        }

        yield return ("binary history CSV", () => PostBytes("/api/v1/hotlines/history", [.. Enumerable.Range(0, 4096).Select(index => (byte)(index * 37))], "text/csv"));
        yield return ("history CSV over 16 MB", () => Post("/api/v1/hotlines/history", "line,hour,calls\n" + new string('a', 17 * 1024 * 1024), "text/csv"));
        yield return ("UTF-16 history CSV", () => PostBytes("/api/v1/hotlines/history", [0xFF, 0xFE, .. System.Text.Encoding.Unicode.GetBytes("line,hour,calls\n")], "text/csv"));
        yield return ("the county map with a path", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/display/map/..%2F..%2Fappsettings.json"));

        // 12345 work orders: files that are no export, and pushes that are no orders.
        foreach (var (name, body) in new[]
        {
            ("empty", ""), ("header only", "工单编号,受理时间,所属区县,诉求类别\n"), ("no known columns", "a,b,c\n1,2,3\n"),
            ("bad rows", "工单编号,受理时间,所属区县,诉求类别\n,=NOW(),<b>,未成年人保护\nX-1,2999-01-01 00:00:00,清城区,未成年人保护\nX-2,2026-01-01 00:00:00,火星,未成年人保护\n"),
            ("a 4 KB number", $"工单编号,受理时间,所属区县,诉求类别\n{new string('9', 4096)},2026-01-01 00:00:00,清城区,未成年人保护\n"),
        })
        {
            yield return ($"work-order CSV {name}", () => Post("/api/v1/workorders/import", body, "text/csv"));
        }

        yield return ("work-order file that is a broken zip", () => PostBytes("/api/v1/workorders/import", [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 4096).Select(index => (byte)(index * 31))],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        yield return ("work-order CSV over 16 MB", () => Post("/api/v1/workorders/import", "工单编号\n" + new string('a', 17 * 1024 * 1024), "text/csv"));
        foreach (var body in new[]
        {
            "{}", "{\"orders\":null}", "{\"orders\":[]}", "{\"orders\":[null]}", "{\"orders\":\"all\"}", "{\"orders\":[{\"工单编号\":{\"a\":[1]}}]}",
            "{\"orders\":[{\"工单编号\":\"X\",\"受理时间\":\"yesterday\",\"所属区县\":\"清城区\",\"是否涉及未成年人\":true}]}",
            "{\"orders\":[{\"工单编号\":\"X\",\"受理时间\":\"0001-01-01 00:00\",\"所属区县\":\"清城区\",\"是否涉及未成年人\":true}]}",
            "{\"orders\":[" + string.Join(",", Enumerable.Repeat("{\"工单编号\":\"X\"}", 501)) + "]}",
        })
        {
            yield return ($"work-order push {Shorten(body)}", () => Post("/api/v1/workorders", body, Json));
        }

        // History and reports: periods, ranges and formats that are none.
        foreach (var path in new[]
        {
            "/api/v1/reports/2026-13", "/api/v1/reports/..%2F..%2Fetc", "/api/v1/reports/0001-01", "/api/v1/reports/9999-12-31?format=xlsx",
            "/api/v1/reports/2026-11?format=%3Cscript%3E", $"/api/v1/reports/{new string('2', 3000)}", "/api/v1/history/city?from=0001-01-01&to=9999-12-31",
            "/api/v1/history/city?from=2026-02-30", "/api/v1/history/%3Cb%3E", "/api/v1/history/city?from=2026-11-01&to=2026-11-01&to=2026-12-01",
            "/api/v1/replay/9999-12-31/city", "/api/v1/replay/not-a-day/city", "/api/v1/replay/2026-01-01/%3Cscript%3E", $"/api/v1/replay/2026-01-01/{new string('c', 3000)}",
            "/api/v1/history/city/daily?from=0001-01-01&to=9999-12-31", "/api/v1/history/%3Cb%3E/daily", "/api/v1/history/441802/daily?to=2026-13-45",
            $"/api/v1/history/{new string('4', 3000)}/daily", "/api/v1/history/441802/daily?from=2026-11-30&to=2026-11-01",
            "/api/v1/replay/2026-01-01/county:%3Cscript%3E", $"/api/v1/replay/2026-01-01/county:{new string('4', 3000)}", "/api/v1/replay/2026-01-01/county:441802%00",
            "/api/v1/replay/2026-01-01/hotline:441802", "/api/v1/replay/0001-01-01/hotline", "/api/v1/history/institutions/..%2F..%2Fetc",
            $"/api/v1/history/institutions/{new string('a', 4096)}", "/api/v1/history/institutions/441802-GB-001?from=0001-01-01&to=9999-12-31",
            "/api/v1/history/institutions/441802-GB-001%0D%0AX-Injected:1", "/api/v1/history/institutions/441802-GB-001?from=2026-11-01&from=2026-10-01",
            "/api/v1/hotlines/441802/hours?date=9999-12-31", "/api/v1/hotlines/441802/hours?date=abc", "/api/v1/hotlines/441802/hours?date=1999-01-01&days=35",
        })
        {
            yield return ($"GET {Shorten(path)}", () => new HttpRequestMessage(HttpMethod.Get, path));
        }

        // Reporting links: ids that are no institution, and the clerk's own view asked by an admin.
        foreach (var id in new[] { "no-such-home", "..%2F..%2Fetc%2Fpasswd", "%00", "%3Cscript%3E", new string('a', 4096), "441802-GB-001%0D%0AX-Injected:1" })
        {
            yield return ($"issue a reporting link for {Shorten(id)}", () => Post($"/api/v1/admin/reporting/{id}", "{}", Json));
            yield return ($"revoke the reporting link of {Shorten(id)}", () => Send(HttpMethod.Delete, $"/api/v1/admin/reporting/{id}", null, null));
        }

        yield return ("the reporting page's view without a reporting link", () => new HttpRequestMessage(HttpMethod.Get, "/api/v1/reporting/institution"));

        // Query strings and paths.
        foreach (var path in new[]
        {
            "/api/v1/hotlines/441802/hours?days=abc", "/api/v1/hotlines/441802/hours?days=-1", "/api/v1/hotlines/441802/hours?days=99999999999",
            "/api/v1/hotlines/441802/hours?days=0", "/api/v1/hotlines/441802/hours?days=1e3", "/api/v1/admin/audit?since=notadate",
            "/api/v1/admin/audit?since=0001-01-01T00:00:00Z", "/api/v1/admin/audit?since=9999-01-01T00:00:00Z", "/api/v1/alerts/audit?since=%00",
            "/api/v1/alerts/handover?since=yesterday", "/api/v1/counties/..%2F..%2Fetc%2Fpasswd", "/api/v1/counties/999999", $"/api/v1/counties/{new string('4', 3000)}",
            "/api/v1/institutions/..%2F..%2Fetc%2Fpasswd", "/api/v1/institutions/%00", "/api/v1/hotlines/999999", "/api/v1/hotlines/..%2F",
            "/api/v1/hotlines/999999/minutes", "/api/v1/nothing-here", "/api/v1/../../etc/passwd", "/lib/../../appsettings.json", "/%2e%2e/%2e%2e/etc/passwd",
        })
        {
            yield return ($"GET {Shorten(path)}", () => new HttpRequestMessage(HttpMethod.Get, path));
        }
    }

    private static HttpRequestMessage Post(string path, string body, string contentType) => Send(HttpMethod.Post, path, body, contentType);

    /// <summary>A large body waits for the server's go-ahead, so a refusal (413) arrives as an answer, not a broken pipe.</summary>
    private static HttpRequestMessage Send(HttpMethod method, string path, string? body, string? contentType)
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Headers.ExpectContinue = body.Length > 64 * 1024;
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (!string.IsNullOrEmpty(contentType))
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        return request;
    }

    private static HttpRequestMessage PostBytes(string path, byte[] body, string contentType, HttpMethod? method = null) =>
        new(method ?? HttpMethod.Post, path) { Content = new ByteArrayContent(body) { Headers = { ContentType = MediaTypeHeaderValue.Parse(contentType) } } };
}
