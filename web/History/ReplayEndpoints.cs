using System.Security.Claims;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.History;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Push;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Snapshots;
using Dashboard.Web.Access;
using Dashboard.Web.Hotlines;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.History;

/// <summary>
/// A past day as it ended, in the shape of a hub group's snapshot, so that a page shows it (回放) the way
/// it shows live figures: its figures are the kept days' only (a line's name is today's), and nothing
/// live is written.
/// </summary>
public static class ReplayEndpoints
{
    public static void MapReplay(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/replay/{date}/{group}", GetReplay).WithTags("History").RequireAuthorization(Policies.View)
            .WithSummary("A past day (yyyy-MM-dd) as it ended, in the shape of the hub group's snapshot: `city` (the wall and the leader view, "
                + "city-wide callers), `county:<code>` (a county page, with its institutions) or `hotline` (the duty console: the caller's lines)");

    private static async Task<Results<Ok<CitySnapshot>, Ok<CountySnapshot>, Ok<HotlineBoard>, ProblemHttpResult>> GetReplay(
        string date, string group, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock)
    {
        var today = BureauCalendar.LocalDate(clock.GetUtcNow());
        if (BureauCalendar.ParseDay(date) is not { } day || day >= today)
        {
            return TypedResults.Problem("日期应为今天以前的 yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest, title: "日期无效");
        }

        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var scope = user.Scope();
        var kept = new KeptDay(grains, day);
        if (group == UpdateKeys.City)
        {
            return !scope.IsCityWide ? CityWide.OutsideScope("这项数据涉及全市，只对全市范围的账户开放")
                : await City(kept, region) is { } city ? TypedResults.Ok(city) : NotKept(date);
        }

        if (group == UpdateKeys.Hotlines)
        {
            return await Hotlines(kept, region, scope, grains) is { } board ? TypedResults.Ok(board) : NotKept(date);
        }

        if (UpdateKeys.TryParseCounty(group, out var code) && region.Contains(code))
        {
            return !scope.Allows(code) ? CityWide.OutsideScope("区县", code)
                : await County(kept, code) is { } county ? TypedResults.Ok(county) : NotKept(date);
        }

        return TypedResults.Problem("可以回放的是 city、hotline 和 county:<区县代码>", statusCode: StatusCodes.Status404NotFound, title: "不支持回放");
    }

    private static ProblemHttpResult NotKept(string date) =>
        TypedResults.Problem($"没有 {date} 的日终记录", statusCode: StatusCodes.Status404NotFound, title: "没有记录");

    private static async Task<CitySnapshot?> City(KeptDay kept, Region region)
    {
        if (await kept.Scope(ScopeHistory.City) is not { } city)
        {
            return null;
        }

        var counties = await Task.WhenAll(region.Counties.Select(async county => (await kept.Scope(county.Code))?.Scope ?? Empty(county.Code, county.Name, kept.Day)));
        var cityLevel = (await kept.Scope(region.CityCode))?.Scope ?? Empty(region.CityCode, Region.CityLevelName, kept.Day);
        var whole = city.Scope;
        return new CitySnapshot(region.CityCode, region.CityName, whole.Version, city.RecordedAt, whole.Demo,
            whole.ElderlyCare, whole.ChildWelfare, whole.Rescue, whole.Hotline, [.. counties], cityLevel);
    }

    /// <summary>A county's figures and, where they were kept, its institutions (a day recorded before they were has none).</summary>
    private static async Task<CountySnapshot?> County(KeptDay kept, string code)
    {
        if (await kept.Scope(code) is not { } figures)
        {
            return null;
        }

        var institutions = await kept.Institutions(code);
        var county = figures.Scope;
        return new CountySnapshot(county.Code, county.Name, county.Version, figures.RecordedAt, county.Demo,
            county.ElderlyCare, county.ChildWelfare, county.Rescue, county.Hotline, institutions?.Institutions ?? []);
    }

    /// <summary>The caller's lines with the day's counts; a line added since has none and is left out.</summary>
    private static async Task<HotlineBoard?> Hotlines(KeptDay kept, Region region, AccessScope scope, IGrainFactory grains)
    {
        var lines = await Task.WhenAll(region.ScopeCodes.Where(scope.Allows).Select(async code =>
            await kept.Scope(code) is { Scope.Hotline.Lines: > 0 } figures
                ? new HotlineSnapshot(code, (await grains.GetGrain<IHotlineGrain>(code).GetTotals())?.Name ?? region.ScopeName(code),
                    figures.Scope.Version, figures.RecordedAt, figures.Scope.Demo, figures.Scope.Hotline)
                : null));
        var recorded = lines.OfType<HotlineSnapshot>().ToList();
        return recorded.Count == 0 ? null : new HotlineBoard(recorded);
    }

    /// <summary>A scope without a record that day (a county added since) shows as empty rather than missing.</summary>
    private static ScopeSummary Empty(string code, string name, DateOnly day) =>
        ScopeTotals.Empty(code, name, BureauCalendar.StartOf(day)).Summarize(BureauCalendar.StartOf(day));

    private sealed record KeptDay(IGrainFactory Grains, DateOnly Day)
    {
        public async Task<DayFigures?> Scope(string code) => (await ScopeHistory.Read(Grains, code, Day, Day)).SingleOrDefault();

        public Task<InstitutionsDay?> Institutions(string code) => Grains.GetGrain<IInstitutionsDayGrain>(ScopeHistory.InstitutionsKey(code, Day)).Get();
    }
}
