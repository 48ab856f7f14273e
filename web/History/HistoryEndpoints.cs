using System.Security.Claims;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Rescue;
using Dashboard.Contracts.Snapshots;
using Dashboard.Grains.History;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.History;

/// <summary>Days and months behind every figure: a scope's daily series, recording on demand, and the report.</summary>
public static class HistoryEndpoints
{
    /// <summary>A year and a month: enough for 同比 of the month before.</summary>
    private const int MaxDays = 400;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapHistory(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/v1/history").WithTags("History");
        history.MapGet("/{code}", GetSeries).RequireAuthorization(Policies.View)
            .WithSummary($"A scope's figures at the end of each Beijing day from `from` to `to` (yyyy-MM-dd, at most {MaxDays} days; default the last 30): "
                + "`city` for the whole city, a county's code, or the city's code for 市本级");
        history.MapPost("/record", Record).RequireAuthorization(Policies.Admin)
            .WithSummary("Record today's figures of every scope now (they are recorded every minute anyway)");
        app.MapGet("/api/v1/replay/{date}/{group}", GetReplay).WithTags("History").RequireAuthorization(Policies.View).RequireCityWide()
            .WithSummary("A past day (yyyy-MM-dd) as it ended, in the shape of the hub group's snapshot: group `city` (the wall and the leader view)");
        app.MapGet("/api/v1/reports/{period}", GetReport).WithTags("History").RequireAuthorization(Policies.View).RequireCityWide()
            .WithSummary("The report of a month (yyyy-MM) or a day (yyyy-MM-dd): one row per county, 市本级 and the totals, with 环比 and 同比; "
                + "format=xlsx (default), csv or json");
    }

    private static async Task<Results<Ok<DayFigures[]>, ProblemHttpResult>> GetSeries(
        string code, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        if (code != ScopeHistory.City && !region.Contains(code))
        {
            return TypedResults.Problem($"没有代码为 {code} 的区县；全市请用 city", statusCode: StatusCodes.Status404NotFound, title: "未知区县");
        }

        var scope = user.Scope();
        if (code == ScopeHistory.City ? !scope.IsCityWide : !scope.Allows(code))
        {
            return CityWide.OutsideScope("区县", code);
        }

        var last = Day(to, BureauCalendar.LocalDate(clock.GetUtcNow()));
        var first = last is { } end ? Day(from, end.AddDays(-29)) : null;
        if (first is null || last is null || first > last || last.Value.DayNumber - first.Value.DayNumber >= MaxDays)
        {
            return TypedResults.Problem($"from 和 to 应为 yyyy-MM-dd 格式的日期，from 不晚于 to，相隔不超过 {MaxDays} 天",
                statusCode: StatusCodes.Status400BadRequest, title: "日期范围无效");
        }

        return TypedResults.Ok((await ScopeHistory.Read(grains, code, first.Value, last.Value)).ToArray());
    }

    private static async Task<Results<Ok<CitySnapshot>, ProblemHttpResult>> GetReplay(string date, string group, IGrainFactory grains, TimeProvider clock)
    {
        if (group != ScopeHistory.City)
        {
            return TypedResults.Problem("回放目前只支持全市大屏和领导视图", statusCode: StatusCodes.Status404NotFound, title: "不支持回放");
        }

        var today = BureauCalendar.LocalDate(clock.GetUtcNow());
        if (Day(date, today) is not { } day || day >= today)
        {
            return TypedResults.Problem("日期应为今天以前的 yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest, title: "日期无效");
        }

        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        async Task<DayFigures?> Kept(string code) => (await ScopeHistory.Read(grains, code, day, day)).SingleOrDefault();
        var city = await Kept(ScopeHistory.City);
        if (city is null)
        {
            return TypedResults.Problem($"没有 {date} 的日终记录", statusCode: StatusCodes.Status404NotFound, title: "没有记录");
        }

        var counties = await Task.WhenAll(region.Counties.Select(async county => (await Kept(county.Code))?.Scope ?? Empty(county.Code, county.Name, day)));
        var cityLevel = (await Kept(region.CityCode))?.Scope ?? Empty(region.CityCode, Region.CityLevelName, day);
        var whole = city.Scope;
        return TypedResults.Ok(new CitySnapshot(region.CityCode, region.CityName, whole.Version, city.RecordedAt, whole.Demo,
            whole.ElderlyCare, whole.ChildWelfare, whole.Rescue, whole.Hotline, [.. counties], cityLevel));
    }

    /// <summary>A scope without a record that day (a county added since) shows as empty rather than missing.</summary>
    private static ScopeSummary Empty(string code, string name, DateOnly day) =>
        new(code, name, 0, BureauCalendar.StartOf(day), false, CapacityGroup.Empty, CapacityGroup.Empty, RescueGroup.Of([], day), HotlineGroup.Of([], BureauCalendar.StartOf(day)));

    private static async Task<Ok<DateOnly>> Record(IGrainFactory grains, TimeProvider clock)
    {
        await DayRecorder.Record(grains, clock);
        return TypedResults.Ok(BureauCalendar.LocalDate(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<ReportRow[]>, FileContentHttpResult, ProblemHttpResult>> GetReport(string period, string? format, IGrainFactory grains)
    {
        if (ReportPeriod.Parse(period) is not { } parsed)
        {
            return TypedResults.Problem("期间应为月份 yyyy-MM 或日期 yyyy-MM-dd，例如 2026-11 或 2026-11-20", statusCode: StatusCodes.Status400BadRequest, title: "期间无效");
        }

        if (format is not (null or "xlsx" or "csv" or "json"))
        {
            return TypedResults.Problem("format 只能是 xlsx、csv 或 json", statusCode: StatusCodes.Status400BadRequest, title: "格式无效");
        }

        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var rows = await Report.Rows(grains, region, parsed);
        var name = $"{region.CityName}民政运行{(parsed.Kind == ReportPeriodKind.Day ? "日报" : "月报")}-{parsed.Title}";
        return format switch
        {
            "json" => TypedResults.Ok(rows),
            "csv" => TypedResults.File(Report.Csv(rows), "text/csv; charset=utf-8", $"{name}.csv"),
            _ => TypedResults.File(Report.Workbook(rows, $"{region.CityName}{parsed.Title}"), XlsxType, $"{name}.xlsx"),
        };
    }

    private static DateOnly? Day(string? text, DateOnly fallback) => text is null ? fallback : BureauCalendar.ParseDay(text);
}
