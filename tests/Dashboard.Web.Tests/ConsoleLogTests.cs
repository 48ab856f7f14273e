using System.Text.Json;
using Dashboard.Testing;

namespace Dashboard.Web.Tests;

/// <summary>What an operator reads on the console, or ships to journald, Loki or ELK.</summary>
public sealed class ConsoleLogTests
{
    [Fact]
    public async Task A_plain_start_says_where_to_open_the_wall_and_where_the_data_lives()
    {
        var folder = Directory.CreateTempSubdirectory("dashboard-banner-").FullName;
        var port = FreePorts.Next();
        await using var service = await DashboardProcess.StartEmbedded("banner", folder,
            new Dictionary<string, string> { ["Logging:LogLevel:Dashboard.Web.Hosting.StartupBanner"] = "Information" }, port);

        var lines = await WaitForLines(service, lines => lines.Any(line => line.Contains("Embedded mode", StringComparison.Ordinal)));
        Assert.Contains(lines, line => line.Contains($"Open the wall at http://127.0.0.1:{port}/", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains($"Embedded mode: data in {folder} (SQLite); a backup every 06:00:00 to {Path.Combine(folder, "backups")}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_json_logs_a_batch_with_rejected_events_is_one_json_line_with_its_request_id_and_reasons_summarised()
    {
        await using var service = await DashboardProcess.StartEmbedded("json", Directory.CreateTempSubdirectory("dashboard-json-").FullName, new Dictionary<string, string>
        {
            ["Logging:Console:FormatterName"] = "json",
            ["Logging:Console:FormatterOptions:IncludeScopes"] = "true",
        });
        var events = Enumerable.Range(0, 40).Select(index => Events.Admitted($"json-{index}", institutionId: "no-such-home")).ToArray();
        (await service.Http.Post(events)).EnsureSuccessStatusCode();

        var lines = await WaitForLines(service, lines => lines.Any(line => line.Contains("IngestLog", StringComparison.Ordinal)));
        var entries = lines.Where(line => line.StartsWith('{')).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(lines.Count(line => line.Trim().Length > 0), entries.Count);
        var rejection = Assert.Single(entries, entry => entry.GetProperty("Category").GetString() == "Dashboard.Web.Ingest.IngestLog");
        Assert.Equal("Warning", rejection.GetProperty("LogLevel").GetString());
        Assert.True(rejection.GetProperty("EventId").GetInt32() != 0, "the line has an event id");
        Assert.StartsWith("Ingest from key:", rejection.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Contains(" 40 of 40 events rejected: 40× ", rejection.GetProperty("Message").GetString(), StringComparison.Ordinal);
        Assert.Contains(rejection.GetProperty("Scopes").EnumerateArray(), scope => scope.TryGetProperty("RequestId", out _));
    }

    private static async Task<IReadOnlyList<string>> WaitForLines(DashboardProcess process, Func<IReadOnlyList<string>, bool> done)
    {
        await Eventually.Until(() => done(process.Output), TimeSpan.FromSeconds(30));
        return process.Output;
    }
}
