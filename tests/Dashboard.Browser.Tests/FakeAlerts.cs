using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace Dashboard.Browser.Tests;

/// <summary>
/// Plays the alerts service for a page, whether or not the server has one: on the page's hub connection
/// it answers <c>Subscribe("alerts")</c> with the given board and can push updates to it; everything
/// else goes through to the real server. <c>/api/v1/alerts</c> answers the same board, and
/// acknowledgements and resolutions are recorded instead of being sent.
/// </summary>
public sealed class FakeAlerts
{
    private const char RecordSeparator = '\u001e';

    private readonly List<IWebSocketRoute> pages = [];

    private JsonObject board;

    private FakeAlerts(JsonObject board) => this.board = board;

    /// <summary>Each acknowledgement or resolution the page sent: its path and its body.</summary>
    public List<(string Path, JsonElement Body)> Actions { get; } = [];

    public static async Task<FakeAlerts> Install(IPage page, params JsonObject[] alerts)
    {
        var fake = new FakeAlerts(Board(1, alerts));
        await page.RouteWebSocketAsync(new System.Text.RegularExpressions.Regex("/hubs/dashboard"), fake.Intercept);
        await page.RouteAsync("**/api/v1/alerts**", fake.Answer);
        return fake;
    }

    /// <summary>A spike alert of 阳山县 in the given state, as the alerts contract describes it.</summary>
    public static JsonObject Spike(string id, string state, int level = 1) => new()
    {
        ["id"] = id, ["state"] = state, ["level"] = level, ["scope"] = "441823", ["scopeName"] = "阳山县",
        ["rule"] = "spike", ["subject"] = "441823", ["expected"] = 4.0, ["observed"] = 11,
        ["message"] = "预期约4次/小时，当前11次，2.8倍", ["count"] = 1,
        ["openedAt"] = DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"),
        ["firedAt"] = state == "pending" ? null : DateTimeOffset.UtcNow.AddMinutes(-4).ToString("O"),
        ["acknowledgedAt"] = null, ["acknowledgedBy"] = null, ["resolvedAt"] = null, ["resolvedBy"] = null,
    };

    /// <summary>Pushes a new board to every connection of the page, as the alerts group would.</summary>
    public void Push(params JsonObject[] alerts)
    {
        var version = board["version"]!.GetValue<long>() + 1;
        board = Board(version, alerts);
        var update = new JsonObject
        {
            ["type"] = 1, ["target"] = "update",
            ["arguments"] = new JsonArray(new JsonObject { ["key"] = "alerts", ["version"] = version, ["asOf"] = board["asOf"]!.DeepClone(), ["data"] = board.DeepClone() }),
        };
        lock (pages)
        {
            foreach (var page in pages)
            {
                page.Send(update.ToJsonString() + RecordSeparator);
            }
        }
    }

    private static JsonObject Board(long version, JsonObject[] alerts) => new()
    {
        ["version"] = version, ["asOf"] = DateTimeOffset.UtcNow.ToString("O"), ["alerts"] = new JsonArray([.. alerts.Select(alert => alert.DeepClone())]),
    };

    private void Intercept(IWebSocketRoute page)
    {
        var server = page.ConnectToServer();
        lock (pages)
        {
            pages.Add(page);
        }

        page.OnMessage(frame =>
        {
            foreach (var record in (frame.Text ?? string.Empty).Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                if (JsonNode.Parse(record) is JsonObject { } message && IsAlertsSubscription(message))
                {
                    var completion = new JsonObject { ["type"] = 3, ["invocationId"] = message["invocationId"]!.DeepClone(), ["result"] = board.DeepClone() };
                    page.Send(completion.ToJsonString() + RecordSeparator);
                }
                else
                {
                    server.Send(record + RecordSeparator);
                }
            }
        });
    }

    private static bool IsAlertsSubscription(JsonObject message) =>
        message["type"]?.GetValue<int>() == 1 && message["target"]?.GetValue<string>() == "Subscribe"
        && message["arguments"] is JsonArray { Count: 1 } arguments && arguments[0]?.GetValue<string>() == "alerts";

    private async Task Answer(IRoute route)
    {
        if (route.Request.Method == "POST")
        {
            lock (Actions)
            {
                Actions.Add((new Uri(route.Request.Url).AbsolutePath, JsonDocument.Parse(route.Request.PostData ?? "{}").RootElement.Clone()));
            }

            await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = "{}" });
            return;
        }

        await route.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = board.ToJsonString() });
    }
}
