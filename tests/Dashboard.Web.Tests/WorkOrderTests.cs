using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Dashboard.Web.Tests;

/// <summary>12345 work orders: each 未保 order counts once on its line, whatever is imported or pushed again, and its personal data is never kept.</summary>
public sealed class WorkOrderTests : IAsyncDisposable
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

    private readonly DashboardApp app = new();

    public ValueTask DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_12345_workbook_counts_each_hotline_order_of_today_on_its_line_and_sets_earlier_days_as_history()
    {
        var export = WorkOrderExport.Make(DateTimeOffset.UtcNow, first: 1, todays: 900, pasts: 450, irrelevant: 630, malformed: 20);
        var before = await TodayByLine();

        var response = await Import(export.Xlsx(), Xlsx, "?skipInvalid=true");
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await TodayByLine();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("xlsx", 2000, 630, 900, 450, 20), (result.GetProperty("format").GetString(), result.GetProperty("rows").GetInt32(),
            result.GetProperty("outsideHotline").GetInt32(), result.GetProperty("accepted").GetInt32(), result.GetProperty("history").GetInt32(),
            result.GetProperty("invalid").GetInt32()));
        foreach (var (line, expected) in export.Today)
        {
            Assert.Equal((line, expected), (line, (after[line].Answered - before[line].Answered, after[line].Consultations - before[line].Consultations,
                after[line].Interventions - before[line].Interventions)));
        }

        foreach (var line in export.Past.Keys.Select(key => key.Line).Distinct())
        {
            var hours = (await app.Http.GetFromJsonAsync<HotlineHistory>($"/api/v1/hotlines/{line}/hours?days=35", Json.Options))!;
            var byDay = hours.Inbound.Select((calls, slot) => (Day: BureauCalendar.LocalDate(hours.From + hours.Slot * slot), calls))
                .GroupBy(slot => slot.Day).ToDictionary(day => day.Key, day => day.Sum(slot => slot.calls));
            Assert.All(export.Past.Where(pair => pair.Key.Line == line), pair => Assert.Equal((pair.Key, pair.Value), (pair.Key, byDay[pair.Key.Day])));
        }
    }

    [Fact]
    public async Task Importing_an_overlapping_gb18030_export_adds_only_the_orders_that_are_new()
    {
        var now = DateTimeOffset.UtcNow;
        var before = await TodayByLine();
        var earlier = WorkOrderExport.Make(now, first: 1, todays: 1200, irrelevant: 700, malformed: 100);
        // The next export repeats the last 600 of the earlier one's orders and adds 600 new ones.
        var later = WorkOrderExport.Make(now, first: 601, todays: 1200, irrelevant: 700, malformed: 100);

        var first = await Import(earlier.Csv(Gb18030), "text/csv", "?skipInvalid=true");
        var second = await Import(later.Csv(Gb18030), "text/csv", "?skipInvalid=true");
        var answer = await second.Content.ReadFromJsonAsync<JsonElement>();
        var after = await TodayByLine();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.Equal(("CSV gb18030", 2000, 600, 600, 100), (answer.GetProperty("format").GetString(), answer.GetProperty("rows").GetInt32(),
            answer.GetProperty("accepted").GetInt32(), answer.GetProperty("duplicates").GetInt32(), answer.GetProperty("invalid").GetInt32()));
        foreach (var line in earlier.Today.Keys)
        {
            var expected = Enumerable.Range(1, 1800).Count(number => WorkOrderExport.LineOf(number) == line);
            Assert.Equal((line, expected), (line, after[line].Answered - before[line].Answered));
        }
    }

    [Fact]
    public async Task Rows_with_errors_stop_the_import_and_are_named_unless_the_admin_skips_them()
    {
        var csv = WorkOrderExport.Make(DateTimeOffset.UtcNow, first: 1, todays: 50, irrelevant: 10, malformed: 6).Csv(Encoding.UTF8);
        var before = await TodayByLine();

        var refused = await Import(csv, "text/csv");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        var unchanged = await TodayByLine();
        var skipping = await Import(csv, "text/csv", "?skipInvalid=true");
        var answer = await skipping.Content.ReadFromJsonAsync<JsonElement>();
        var after = await TodayByLine();

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(Enumerable.Range(62, 6).Select(row => $"第 {row} 行"), problem.GetProperty("errors").EnumerateObject().Select(row => row.Name));
        Assert.Equal(before.Sum(pair => pair.Value.Answered), unchanged.Sum(pair => pair.Value.Answered));
        Assert.Equal((HttpStatusCode.OK, 6, 50), (skipping.StatusCode, answer.GetProperty("invalid").GetInt32(), answer.GetProperty("accepted").GetInt32()));
        Assert.Equal(50, after.Sum(pair => pair.Value.Answered) - before.Sum(pair => pair.Value.Answered));
    }

    [Fact]
    public async Task The_platform_pushes_orders_with_an_ingest_key_again_is_a_duplicate_and_a_county_key_stays_in_its_county()
    {
        using var platform = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("12345 平台", "ingest"));
        using var qingxin = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("清新区 12345 分中心", "ingest", "441803"));
        var at = BureauCalendar.LocalTime(DateTimeOffset.UtcNow.AddMinutes(-2)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
        object Order(string number, string district, string category, bool minor) =>
            new Dictionary<string, object> { ["工单编号"] = number, ["受理时间"] = at, ["所属区县"] = district, ["诉求类别"] = category, ["是否涉及未成年人"] = minor, ["来电人"] = "某" };

        var before = await TodayByLine();
        // A machine may write the time as ISO 8601 with its offset.
        var iso = new Dictionary<string, object> { ["工单编号"] = "P-4", ["受理时间"] = DateTimeOffset.UtcNow.AddMinutes(-3).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture), ["所属区县"] = "连州市", ["是否涉及未成年人"] = "是" };
        var first = await Statuses(await platform.PostAsJsonAsync("/api/v1/workorders", new { orders = new[] { Order("P-1", "阳山县", "未成年人保护", true), Order("P-2", "英德市", "噪音扰民", false), iso } }));
        // Handed on to another district and sent again, the order is still the one already counted.
        var again = await Statuses(await platform.PostAsJsonAsync("/api/v1/workorders", new { orders = new[] { Order("P-1", "英德市", "未成年人保护", true) } }));
        var outside = await Statuses(await qingxin.PostAsJsonAsync("/api/v1/workorders", new { orders = new[] { Order("P-3", "清城区", "未成年人保护", true) } }));

        Assert.Equal(["accepted", "skipped", "accepted"], first);
        Assert.Equal(["duplicate"], again);
        var after = await TodayByLine();
        Assert.Equal((1, 0), (after["441823"].Answered - before["441823"].Answered, after["441881"].Answered - before["441881"].Answered));
        Assert.Equal(["rejected"], outside);

        // The refused order left no mark: sent by the platform for 阳山县, it counts there, not on 清城区.
        var late = await Statuses(await platform.PostAsJsonAsync("/api/v1/workorders", new { orders = new[] { Order("P-3", "阳山县", "未成年人保护", true) } }));
        var last = await TodayByLine();
        Assert.Equal(["accepted"], late);
        Assert.Equal((1, 0), (last["441823"].Answered - after["441823"].Answered, last["441802"].Answered - after["441802"].Answered));
    }

    [Fact]
    public async Task A_callers_name_phone_and_the_order_number_never_reach_storage_or_logs()
    {
        var logs = new CapturedLogs();
        await using var watched = new DashboardApp(
            extraSettings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Debug", ["Logging:LogLevel:Orleans"] = "Information" },
            testServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var now = DateTimeOffset.UtcNow;
        var export = WorkOrderExport.Make(now, first: 1, todays: 20).WithPlantedOrder(now);

        var imported = await watched.Http.PostAsync("/api/v1/workorders/import", Body(export.Csv(Encoding.UTF8), "text/csv"));
        var pushed = await watched.Http.PostAsJsonAsync("/api/v1/workorders", new
        {
            orders = new[]
            {
                new Dictionary<string, object>
                {
                    ["工单编号"] = WorkOrderExport.PlantedNumber, ["受理时间"] = BureauCalendar.LocalTime(now.AddMinutes(-1)).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    ["所属区县"] = "阳山县", ["诉求类别"] = "未成年人保护", ["是否涉及未成年人"] = "是", ["来电人"] = WorkOrderExport.PlantedName, ["联系电话"] = WorkOrderExport.PlantedPhone,
                },
            },
        });
        var stored = Directory.EnumerateFiles(watched.DataFolder, "*", SearchOption.AllDirectories)
            .Select(path => Encoding.UTF8.GetString(ReadShared(path))).ToList();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (imported.StatusCode, pushed.StatusCode));
        Assert.Equal(["duplicate"], await Statuses(pushed));
        // The search reads what was stored: the import's audit entry is there.
        Assert.Contains(stored, content => content.Contains("workorders.import", StringComparison.Ordinal));
        Assert.NotEmpty(logs.Text);
        foreach (var planted in new[] { WorkOrderExport.PlantedName, WorkOrderExport.PlantedPhone, WorkOrderExport.PlantedNumber })
        {
            Assert.DoesNotContain(stored, content => content.Contains(planted, StringComparison.Ordinal));
            Assert.DoesNotContain(planted, logs.Text, StringComparison.Ordinal);
        }
    }

    private Task<HttpResponseMessage> Import(byte[] content, string type, string query = "") =>
        app.Http.PostAsync($"/api/v1/workorders/import{query}", Body(content, type));

    private static ByteArrayContent Body(byte[] content, string type) => new(content) { Headers = { ContentType = new MediaTypeHeaderValue(type) } };

    private async Task<Dictionary<string, HotlineCounts>> TodayByLine()
    {
        var lines = await app.Http.GetFromJsonAsync<JsonElement[]>("/api/v1/hotlines");
        return lines!.ToDictionary(line => line.GetProperty("code").GetString()!,
            line => line.GetProperty("hotline").GetProperty("today").Deserialize<HotlineCounts>(Json.Options)!);
    }

    private static async Task<string[]> Statuses(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return [.. JsonDocument.Parse(body).RootElement.EnumerateArray().Select(order => order.GetProperty("status").GetString()!)];
    }

    private static byte[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
