using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Dashboard.Testing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Dashboard.Web.Tests;

public sealed class PushTests
{
    [Fact]
    public async Task A_subscribed_client_receives_the_new_city_totals_after_an_ingest()
    {
        await using var app = new DashboardApp();
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        var updates = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();

        var snapshot = await connection.InvokeAsync<JsonElement>("Subscribe", "city");
        (await app.Http.Post(Events.Admitted("push-1"))).EnsureSuccessStatusCode();
        var update = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal("city", update.GetProperty("key").GetString());
        Assert.True(update.GetProperty("version").GetInt64() > snapshot.GetProperty("version").GetInt64());
        Assert.Equal(
            snapshot.GetProperty("elderlyCare").GetProperty("occupants").GetInt32() + 1,
            update.GetProperty("data").GetProperty("elderlyCare").GetProperty("occupants").GetInt32());
    }

    [Fact]
    public async Task Over_MessagePack_a_client_gets_the_same_snapshot_and_updates_as_over_JSON()
    {
        await using var app = new DashboardApp();
        await using var json = TestCredentials.Hub(app.BaseAddress).Build();
        await using var binary = TestCredentials.Hub(app.BaseAddress).WithMessagePack().Build();
        var jsonUpdates = await Started(json);
        var binaryUpdates = await Started(binary);

        var jsonSnapshot = await json.InvokeAsync<JsonElement>("Subscribe", "county:441802");
        var binarySnapshot = await binary.InvokeAsync<JsonElement>("Subscribe", "county:441802");
        await json.InvokeAsync<JsonElement>("Subscribe", "city");
        await binary.InvokeAsync<JsonElement>("Subscribe", "city");
        (await app.Http.Post(Events.Admitted("binary-1"))).EnsureSuccessStatusCode();
        var jsonUpdate = await NextUpdate(jsonUpdates, "city", since: 0);
        var binaryUpdate = await NextUpdate(binaryUpdates, "city", since: jsonUpdate.GetProperty("version").GetInt64());

        Assert.True(JsonElement.DeepEquals(jsonSnapshot, binarySnapshot), $"{jsonSnapshot}\n{binarySnapshot}");
        Assert.True(JsonElement.DeepEquals(jsonUpdate, binaryUpdate), $"{jsonUpdate}\n{binaryUpdate}");
        Assert.StartsWith("20", binaryUpdate.GetProperty("asOf").GetString());
        Assert.Equal(JsonValueKind.Array, binaryUpdate.GetProperty("data").GetProperty("counties").ValueKind);
    }

    [Theory]
    [InlineData("city", "counties", "code", "441802")]
    [InlineData("county:441802", "institutions", "id", "441802-GB-001")]
    public async Task A_subscriber_of_changes_gets_only_the_changed_entry_and_merged_it_equals_the_whole_update(string group, string list, string by, string changedEntry)
    {
        await using var app = new DashboardApp();
        await using var whole = TestCredentials.Hub(app.BaseAddress).Build();
        await using var compact = TestCredentials.Hub(app.BaseAddress).Build();
        var wholeUpdates = await Started(whole);
        var compactUpdates = await Started(compact);
        await whole.InvokeAsync<JsonElement>("Subscribe", group);
        var held = await compact.InvokeAsync<JsonElement>("SubscribeChanges", group);
        var entries = held.GetProperty(list).GetArrayLength();

        await Task.WhenAll(Quiet(wholeUpdates, TimeSpan.FromSeconds(1)), Quiet(compactUpdates, TimeSpan.FromSeconds(1)));
        var last = (Whole: default(JsonElement), Compact: default(JsonElement));
        foreach (var id in new[] { "changes-1", "changes-2" })
        {
            (await app.Http.Post(Events.Admitted(id, "441802-GB-001"))).EnsureSuccessStatusCode();
            last.Whole = await NextUpdate(wholeUpdates, group, since: 0);
            do
            {
                last.Compact = await NextUpdate(compactUpdates, group, since: 0);
                held = Merged(held, last.Compact);
            }
            while (last.Compact.GetProperty("version").GetInt64() < last.Whole.GetProperty("version").GetInt64());
        }

        var changes = last.Compact.GetProperty("changes");
        Assert.True(entries > 1);
        Assert.Equal(list, changes.GetProperty("list").GetString());
        Assert.Equal(by, changes.GetProperty("by").GetString());
        Assert.Equal([changedEntry], last.Compact.GetProperty("data").GetProperty(list).EnumerateArray().Select(entry => entry.GetProperty(by).GetString()));
        Assert.True(JsonElement.DeepEquals(last.Whole.GetProperty("data"), held), $"{last.Whole.GetProperty("data")}\n{held}");
        Assert.True(last.Whole.GetRawText().Length > 3 * last.Compact.GetRawText().Length, $"{last.Whole.GetRawText().Length} vs {last.Compact.GetRawText().Length} characters");
    }

    [Fact]
    public async Task A_page_subscribing_to_changes_after_updates_nobody_here_received_merges_the_next_one_to_the_whole()
    {
        const string group = "county:441802";
        await using var app = new DashboardApp();
        await using var whole = TestCredentials.Hub(app.BaseAddress).Build();
        await using var compact = TestCredentials.Hub(app.BaseAddress).Build();
        var wholeUpdates = await Started(whole);
        var compactUpdates = await Started(compact);
        await whole.InvokeAsync<JsonElement>("Subscribe", group);

        // The node cuts the county's updates for a page, then has nobody to cut them for, then a page again.
        var first = await compact.InvokeAsync<JsonElement>("SubscribeChanges", group);
        (await app.Http.Post(Events.Admitted("unwatched-1", "441802-GB-001"))).EnsureSuccessStatusCode();
        await NextUpdate(compactUpdates, group, since: first.GetProperty("version").GetInt64() + 1);
        await compact.InvokeAsync("Unsubscribe", group);
        var beforeUnwatched = (await NextUpdate(wholeUpdates, group, since: 0)).GetProperty("version").GetInt64();
        (await app.Http.Post(Events.Admitted("unwatched-2", "441802-GB-002"))).EnsureSuccessStatusCode();
        await NextUpdate(wholeUpdates, group, since: beforeUnwatched + 1);
        var held = await compact.InvokeAsync<JsonElement>("SubscribeChanges", group);
        (await app.Http.Post(Events.Admitted("unwatched-3", "441802-GB-001"))).EnsureSuccessStatusCode();

        var last = await NextUpdate(wholeUpdates, group, since: held.GetProperty("version").GetInt64() + 1);
        JsonElement compactUpdate;
        do
        {
            compactUpdate = await NextUpdate(compactUpdates, group, since: 0);
            held = Merged(held, compactUpdate);
        }
        while (compactUpdate.GetProperty("version").GetInt64() < last.GetProperty("version").GetInt64());

        Assert.True(JsonElement.DeepEquals(last.GetProperty("data"), held), $"{last.GetProperty("data")}\n{held}");
    }

    /// <summary>Starts the connection; what it receives as updates.</summary>
    private static async Task<ChannelReader<JsonElement>> Started(HubConnection connection)
    {
        var updates = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();
        return updates.Reader;
    }

    /// <summary>What a page does with an update: whole data as it is, or the changed entries put in place of those it holds.</summary>
    private static JsonElement Merged(JsonElement held, JsonElement update)
    {
        var data = update.GetProperty("data");
        if (update.GetProperty("changes").ValueKind == JsonValueKind.Null)
        {
            return data;
        }

        var changes = update.GetProperty("changes");
        var (list, by) = (changes.GetProperty("list").GetString()!, changes.GetProperty("by").GetString()!);
        Assert.True(held.GetProperty("version").GetInt64() >= changes.GetProperty("since").GetInt64());
        var fresh = data.GetProperty(list).EnumerateArray().ToDictionary(entry => entry.GetProperty(by).GetString()!);
        var merged = JsonNode.Parse(data.GetRawText())!.AsObject();
        merged[list] = new JsonArray([.. held.GetProperty(list).EnumerateArray().Select(entry => JsonNode.Parse(fresh.GetValueOrDefault(entry.GetProperty(by).GetString()!, entry).GetRawText()))]);
        return JsonSerializer.SerializeToElement(merged);
    }

    private static async Task<JsonElement> NextUpdate(ChannelReader<JsonElement> updates, string key, long since)
    {
        while (true)
        {
            var update = await updates.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            if (update.GetProperty("key").GetString() == key && update.GetProperty("version").GetInt64() >= since)
            {
                return update;
            }
        }
    }

    [Fact]
    public async Task After_a_quiet_spell_a_change_goes_out_at_once_and_the_next_within_the_interval_waits_for_its_end()
    {
        var interval = TimeSpan.FromSeconds(4);
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Push:FlushInterval"] = interval.ToString() });
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        var updates = Channel.CreateUnbounded<(JsonElement Update, long At)>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite((update, Stopwatch.GetTimestamp())));
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", "city");
        await Quiet(updates.Reader, interval + TimeSpan.FromMilliseconds(500));

        var posted = Stopwatch.GetTimestamp();
        (await app.Http.Post(Events.Admitted("edge-1"))).EnsureSuccessStatusCode();
        var first = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        (await app.Http.Post(Events.Admitted("edge-2"))).EnsureSuccessStatusCode();
        var second = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.InRange(Stopwatch.GetElapsedTime(posted, first.At), TimeSpan.Zero, TimeSpan.FromSeconds(1));
        Assert.InRange(Stopwatch.GetElapsedTime(first.At, second.At), interval - TimeSpan.FromMilliseconds(500), interval + TimeSpan.FromSeconds(2));
        Assert.Equal(
            first.Update.GetProperty("data").GetProperty("elderlyCare").GetProperty("occupants").GetInt32() + 1,
            second.Update.GetProperty("data").GetProperty("elderlyCare").GetProperty("occupants").GetInt32());
    }

    [Fact]
    public async Task A_node_over_its_message_budget_sends_fewer_updates_and_the_last_holds_every_change()
    {
        await using var app = new DashboardApp(extraSettings: new Dictionary<string, string?> { ["Dashboard:Push:NodeMessagesPerSecond"] = "2" });
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        var updates = Channel.CreateUnbounded<(JsonElement Update, long At)>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite((update, Stopwatch.GetTimestamp())));
        await connection.StartAsync();
        var start = (await connection.InvokeAsync<JsonElement>("Subscribe", "city")).GetProperty("elderlyCare").GetProperty("occupants").GetInt32();
        await Quiet(updates.Reader, TimeSpan.FromSeconds(1));

        var posted = 0;
        for (var posting = Stopwatch.StartNew(); posting.Elapsed < TimeSpan.FromSeconds(2); posted++)
        {
            (await app.Http.Post(Events.Admitted($"budget-{posted}"))).EnsureSuccessStatusCode();
        }

        var arrivals = new List<long>();
        for (var occupants = start; occupants < start + posted;)
        {
            var (update, at) = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            arrivals.Add(at);
            occupants = update.GetProperty("data").GetProperty("elderlyCare").GetProperty("occupants").GetInt32();
        }

        // One message a fan-out rests the node half a second; unpaced, the silo's flushes come every 25 ms.
        Assert.True(arrivals.Count >= 3, $"{arrivals.Count} updates for {posted} events");
        Assert.All(arrivals.Zip(arrivals.Skip(1)), pair => Assert.True(Stopwatch.GetElapsedTime(pair.First, pair.Second) > TimeSpan.FromMilliseconds(400)));
    }

    /// <summary>Reads and drops what the start's own changes pushed until nothing arrives for <paramref name="span"/>.</summary>
    private static async Task Quiet<T>(ChannelReader<T> updates, TimeSpan span)
    {
        while (true)
        {
            using var silence = new CancellationTokenSource(span);
            try
            {
                await updates.ReadAsync(silence.Token);
            }
            catch (OperationCanceledException) when (silence.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [Fact]
    public async Task A_county_group_receives_its_institutions_and_unknown_groups_are_refused()
    {
        await using var app = new DashboardApp();
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        await connection.StartAsync();

        var county = await connection.InvokeAsync<JsonElement>("Subscribe", "county:441881");
        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync<JsonElement>("Subscribe", "county:999999"));

        Assert.Equal("英德市", county.GetProperty("name").GetString());
        Assert.Contains(county.GetProperty("institutions").EnumerateArray(), institution => institution.GetProperty("id").GetString() == "441881-QY-001");
        Assert.Contains("未知的订阅组", refused.Message);
    }

    [Fact]
    public async Task The_hotline_group_receives_each_line_as_calls_arrive()
    {
        await using var app = new DashboardApp();
        await using var connection = TestCredentials.Hub(app.BaseAddress).Build();
        var updates = Channel.CreateUnbounded<JsonElement>();
        connection.On<JsonElement>("update", update => updates.Writer.TryWrite(update));
        await connection.StartAsync();

        var board = await connection.InvokeAsync<JsonElement>("Subscribe", "hotline");
        var call = Events.InboundCall("call-1", "441823", answered: false);
        (await app.Http.Post(call)).EnsureSuccessStatusCode();
        var update = await updates.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(9, board.GetProperty("lines").GetArrayLength());
        Assert.Equal("hotline:441823", update.GetProperty("key").GetString());
        var hotline = update.GetProperty("data").GetProperty("hotline");
        Assert.Equal((1, 1), (hotline.GetProperty("today").GetProperty("missed").GetInt32(), hotline.GetProperty("lastHourCalls").GetInt32()));
    }
}
