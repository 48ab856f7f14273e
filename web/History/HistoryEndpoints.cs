using System.Collections.Immutable;
using System.Security.Claims;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.History;
using Dashboard.Contracts.Institutions;
using Dashboard.Web.Access;
using Dashboard.Web.Registry;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.History;

/// <summary>Days and months behind every figure: a scope's daily series, recording on demand, and the report.</summary>
public static class HistoryEndpoints
{
    /// <summary>A year and a month: enough for 同比 of the month before.</summary>
    private const int MaxDays = 400;

    /// <summary>An institution's days are one record each: a quarter is as far as one request reads.</summary>
    private const int MaxInstitutionDays = 92;

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapHistory(this IEndpointRouteBuilder app)
    {
        var history = app.MapGroup("/api/v1/history").WithTags("History");
        history.MapGet("/{code}", GetSeries).RequireAuthorization(Policies.View)
            .WithSummary($"A scope's figures at the end of each Beijing day from `from` to `to` (yyyy-MM-dd, at most {MaxDays} days; default the last 30): "
                + "`city` for the whole city, a county's code, or the city's code for 市本级");
        history.MapGet("/{code}/daily", GetDailySeries).RequireAuthorization(Policies.View)
            .WithSummary($"A scope's daily series from `from` to `to` (at most {MaxDays} days; default the last 30), one number per day or null where "
                + "none was kept, for each metric: occupancy, children and residents at the day's end; rescues, reunions, hotlineCalls and hotlineCases in the day");
        history.MapGet("/institutions/{id}", GetInstitutionSeries).RequireAuthorization(Policies.View)
            .WithSummary($"An institution's figures at the end of each Beijing day from `from` to `to` (at most {MaxInstitutionDays} days; default the last 30), "
                + "kept with its present county; days it was not registered are left out");
        history.MapPost("/record", Record).RequireAuthorization(Policies.Admin).RequireCityWide()
            .WithSummary("Record today's figures of every scope now, city-wide admins (they are recorded every minute anyway)");
        app.MapGet("/api/v1/reports/{period}", GetReport).WithTags("History").RequireAuthorization(Policies.View)
            .WithSummary("The report of a month (yyyy-MM) or a day (yyyy-MM-dd): one row per county, 市本级 and the totals, with 环比 and 同比 "
                + "(a county-limited caller: its counties' rows, no totals); format=xlsx (default), csv or json");
    }

    private static async Task<Results<Ok<DayFigures[]>, ProblemHttpResult>> GetSeries(
        string code, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var kept = await Kept(code, from, to, user, grains, clock);
        return kept.Problem is { } problem ? problem : TypedResults.Ok(kept.Days.ToArray());
    }

    private static async Task<Results<Ok<DailySeries>, ProblemHttpResult>> GetDailySeries(
        string code, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var kept = await Kept(code, from, to, user, grains, clock);
        return kept.Problem is { } problem ? problem : TypedResults.Ok(DailySeries.Of(code, kept.From, kept.To, kept.Days));
    }

    /// <summary>The scope's kept days over the asked range, or why they cannot be read.</summary>
    private static async Task<(ProblemHttpResult? Problem, DateOnly From, DateOnly To, ImmutableArray<DayFigures> Days)> Kept(
        string code, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return (SnapshotEndpoints.RegistryNotLoaded(), default, default, []);
        }

        if (ScopeProblem(code, region, user) is { } problem)
        {
            return (problem, default, default, []);
        }

        return Range(from, to, clock, MaxDays) is { } range
            ? (null, range.First, range.Last, await ScopeHistory.Read(grains, code, range.First, range.Last))
            : (InvalidRange(MaxDays), default, default, []);
    }

    /// <summary>Why the caller may not read <paramref name="code"/>'s history: no such scope, or outside its counties.</summary>
    private static ProblemHttpResult? ScopeProblem(string code, Region region, ClaimsPrincipal user)
    {
        if (code != ScopeHistory.City && !region.Contains(code))
        {
            return TypedResults.Problem($"没有代码为 {code} 的区县；全市请用 city", statusCode: StatusCodes.Status404NotFound, title: "未知区县");
        }

        var scope = user.Scope();
        return (code == ScopeHistory.City ? scope.IsCityWide : scope.Allows(code)) ? null : CityWide.OutsideScope("区县", code);
    }

    private static async Task<Results<Ok<InstitutionDayFigures[]>, ProblemHttpResult>> GetInstitutionSeries(
        string id, string? from, string? to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        if (RegistryEntry.IdProblem(id) is { } problem)
        {
            return TypedResults.Problem(problem, statusCode: StatusCodes.Status400BadRequest, title: "机构编号无效");
        }

        if (Range(from, to, clock, MaxInstitutionDays) is not { } range)
        {
            return InvalidRange(MaxInstitutionDays);
        }

        if (await grains.GetGrain<IInstitutionGrain>(id).GetTotals() is not { } totals)
        {
            return SnapshotEndpoints.UnknownInstitution(id);
        }

        var county = totals.Info.CountyCode;
        if (!user.Scope().Allows(county))
        {
            return CityWide.OutsideScope("机构", id);
        }

        var days = Enumerable.Range(0, range.Last.DayNumber - range.First.DayNumber + 1).Select(range.First.AddDays);
        var kept = await Task.WhenAll(days.Select(day => grains.GetGrain<IInstitutionsDayGrain>(ScopeHistory.InstitutionsKey(county, day)).Get()));
        return TypedResults.Ok(kept.OfType<InstitutionsDay>()
            .SelectMany(record => record.Institutions.Where(institution => institution.Id == id)
                .Select(institution => new InstitutionDayFigures(record.Day, record.RecordedAt, institution)))
            .ToArray());
    }

    private static async Task<Ok<DateOnly>> Record(IGrainFactory grains, TimeProvider clock)
    {
        await DayRecorder.Record(grains, clock);
        return TypedResults.Ok(BureauCalendar.LocalDate(clock.GetUtcNow()));
    }

    private static async Task<Results<Ok<ReportRow[]>, FileContentHttpResult, ProblemHttpResult>> GetReport(string period, string? format, ClaimsPrincipal user, IGrainFactory grains)
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

        var rows = await Report.Rows(grains, region, parsed, user.Scope());
        var name = $"{region.CityName}民政运行{(parsed.Kind == ReportPeriodKind.Day ? "日报" : "月报")}-{parsed.Title}";
        return format switch
        {
            "json" => TypedResults.Ok(rows),
            "csv" => TypedResults.File(Report.Csv(rows), "text/csv; charset=utf-8", $"{name}.csv"),
            _ => TypedResults.File(Report.Workbook(rows, $"{region.CityName}{parsed.Title}"), XlsxType, $"{name}.xlsx"),
        };
    }

    /// <summary>From <paramref name="from"/> to <paramref name="to"/>, both included; by default the 30 days up to today.</summary>
    private static (DateOnly First, DateOnly Last)? Range(string? from, string? to, TimeProvider clock, int maxDays)
    {
        var last = Day(to, BureauCalendar.LocalDate(clock.GetUtcNow()));
        var first = last is { } end ? Day(from, end.AddDays(-29)) : null;
        return first is { } start && last is { } stop && start <= stop && stop.DayNumber - start.DayNumber < maxDays ? (start, stop) : null;
    }

    private static ProblemHttpResult InvalidRange(int maxDays) =>
        TypedResults.Problem($"from 和 to 应为 yyyy-MM-dd 格式的日期，from 不晚于 to，相隔不超过 {maxDays} 天", statusCode: StatusCodes.Status400BadRequest, title: "日期范围无效");

    private static DateOnly? Day(string? text, DateOnly fallback) => text is null ? fallback : BureauCalendar.ParseDay(text);
}
