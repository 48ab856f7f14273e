using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dashboard.Contracts.Alerts;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dashboard.Web.Tests;

public sealed class HotlineHistoryTests
{
    private const string Yangshan = "441823";

    [Fact]
    public async Task Imported_history_is_the_spike_rules_baseline_and_importing_it_again_sets_rather_than_adds()
    {
        await using var app = new DashboardApp(extraSettings: AlertSurge.FireAtOnce());
        var thisHour = WholeHour(DateTimeOffset.UtcNow);
        var pastWeeks = Enumerable.Range(1, 4).Select(week => thisHour.AddDays(-7 * week)).ToArray();
        var csv = "line,hour,calls\n" + string.Concat(pastWeeks.Select(hour => $"{Yangshan},{Local(hour)},20\n"));

        var first = await Import(app.Http, csv);
        var once = await Hours(app);
        var again = await Import(app.Http, csv);
        var history = await Hours(app);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal((1, 4, 4), await Counts(again));
        Assert.All(pastWeeks, hour => Assert.Equal(20, history.Inbound[(int)((hour - history.From) / history.Slot)]));
        Assert.Equal(once.Inbound.ToArray(), history.Inbound.ToArray());

        // Six calls in an hour are a surge against the floor (see AlertSurge), not against twenty an hour.
        (await app.Http.Post([.. Enumerable.Range(0, 6).Select(index => Events.InboundCall($"normal-{index}", Yangshan))])).EnsureSuccessStatusCode();
        Assert.Null(await FiringFor(app, Yangshan));

        (await app.Http.Post([.. Enumerable.Range(0, 30).Select(index => Events.InboundCall($"surge-{index}", Yangshan))])).EnsureSuccessStatusCode();
        var alert = await FiringFor(app, Yangshan);
        Assert.NotNull(alert);
        Assert.Equal(20, alert.Expected);
    }

    [Fact]
    public async Task A_history_file_with_bad_rows_changes_nothing_and_names_each_problem_by_its_line()
    {
        await using var app = new DashboardApp();
        var today = BureauCalendar.LocalDate(DateTimeOffset.UtcNow);
        var good = $"{today.AddDays(-3):yyyy-MM-dd} 08:00";
        var csv = string.Join('\n',
            "line,hour,calls",
            $"{Yangshan},{good},7",
            $"999999,{good},1",
            $"{Yangshan},2026-13-01 08:00,1",
            $"{Yangshan},{today.AddDays(-3):yyyy-MM-dd} 08:30,1",
            $"{Yangshan},{today.AddDays(-1):yyyy-MM-dd} 08:00,1",
            $"{Yangshan},{today.AddDays(-4):yyyy-MM-dd} 08:00,-3",
            $"{Yangshan},{today.AddDays(-4):yyyy-MM-dd} 09:00,=1+1",
            $"{Yangshan},{good},9");

        var before = await Hours(app);
        var response = await Import(app.Http, csv);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await Hours(app);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["第 3 行", "第 4 行", "第 5 行", "第 6 行", "第 7 行", "第 8 行", "第 9 行"],
            problem.GetProperty("errors").EnumerateObject().Select(line => line.Name));
        Assert.Contains("与第 2 行重复", problem.GetProperty("errors").GetProperty("第 9 行")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before.Inbound.ToArray(), after.Inbound.ToArray());
    }

    [Fact]
    public async Task A_county_admin_imports_its_own_lines_from_a_GB18030_file_with_Chinese_headers_and_no_other_county()
    {
        await using var app = new DashboardApp();
        using var county = TestCredentials.Client(app.BaseAddress, await app.Http.IssueKey("阳山县管理员", "admin", Yangshan));
        var day = BureauCalendar.LocalDate(DateTimeOffset.UtcNow).AddDays(-10);
        var gb18030 = CodePagesEncodingProvider.Instance.GetEncoding("GB18030")!;

        var own = await Import(county, $"线路,时段,来电数\r\n{Yangshan},{day:yyyy/M/d} 9:00,4\r\n", gb18030);
        var other = await Import(county, $"线路,时段,来电数\r\n441802,{day:yyyy/M/d} 9:00,4\r\n", gb18030);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal((1, 1, 1), await Counts(own));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        Assert.Contains("不在您的区县范围内", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<HotlineHistory> Hours(DashboardApp app) =>
        (await app.Http.GetFromJsonAsync<HotlineHistory>($"/api/v1/hotlines/{Yangshan}/hours?days=35", Json.Options))!;

    private static DateTimeOffset WholeHour(DateTimeOffset instant) => instant.AddTicks(-(instant.UtcTicks % TimeSpan.TicksPerHour));

    private static string Local(DateTimeOffset instant) =>
        BureauCalendar.LocalTime(instant).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    private static Task<HttpResponseMessage> Import(HttpClient client, string csv, Encoding? encoding = null) =>
        client.PostAsync("/api/v1/hotlines/history", new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv)) { Headers = { ContentType = new("text/csv") } });

    private static async Task<(int Lines, int Days, int Hours)> Counts(HttpResponseMessage response)
    {
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (result.GetProperty("lines").GetInt32(), result.GetProperty("days").GetInt32(), result.GetProperty("hours").GetInt32());
    }

    private static async Task<AlertView?> FiringFor(DashboardApp app, string line)
    {
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IAlertBoardGrain>(0).Evaluate();
        var board = (await app.Http.GetFromJsonAsync<AlertBoard>("/api/v1/alerts", Json.Options))!;
        return board.Alerts.SingleOrDefault(alert => alert.State == AlertState.Firing && alert.Scope == line);
    }
}
