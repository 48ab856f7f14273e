using System.Security.Claims;
using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Hotlines;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Hotlines;

public static class HotlineEndpoints
{
    /// <summary>Five weeks: the same hour of the week four times over, plus this week.</summary>
    private const int MaxHistoryDays = 35;

    public static void MapHotlines(this IEndpointRouteBuilder app)
    {
        var hotlines = app.MapGroup("/api/v1/hotlines").WithTags("Hotlines").RequireAuthorization(Policies.View);
        hotlines.MapGet("/", GetAll).WithSummary("Every 未保 hotline: the city line and one per county");
        hotlines.MapGet("/{code}", GetOne).WithSummary("One hotline: this year's, this month's and today's counters, calls in the last hour");
        hotlines.MapGet("/{code}/minutes", GetMinutes).WithSummary("Inbound calls per minute for the last 24 hours");
        hotlines.MapGet("/{code}/hours", GetHours).WithSummary("Inbound calls per hour for the last `days` days (1 to 35, default 35), today included; "
            + "with `date` (yyyy-MM-dd, before today), the `days` days that end with that day");
    }

    public static async Task<HotlineSnapshot[]> Snapshots(IGrainFactory grains, Region region, DateTimeOffset now, AccessScope scope)
    {
        var lines = await Task.WhenAll(region.ScopeCodes.Where(scope.Allows)
            .Select(code => grains.GetGrain<IHotlineGrain>(code).GetTotals()));
        return [.. lines.OfType<HotlineTotals>().Select(line => HotlineSnapshot.From(line, now))];
    }

    private static async Task<Results<Ok<HotlineSnapshot[]>, ProblemHttpResult>> GetAll(ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
        await grains.GetGrain<IRegistryGrain>(0).GetRegion() is { } region
            ? TypedResults.Ok(await Snapshots(grains, region, clock.GetUtcNow(), user.Scope()))
            : SnapshotEndpoints.RegistryNotLoaded();

    private static async Task<Results<Ok<HotlineSnapshot>, ProblemHttpResult>> GetOne(string code, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
        !user.Scope().Allows(code) ? CityWide.OutsideScope("热线", code)
        : await grains.GetGrain<IHotlineGrain>(code).GetTotals() is { } totals ? TypedResults.Ok(HotlineSnapshot.From(totals, clock.GetUtcNow()))
        : UnknownLine(code);

    private static async Task<Results<Ok<HotlineHistory>, ProblemHttpResult>> GetMinutes(string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!user.Scope().Allows(code))
        {
            return CityWide.OutsideScope("热线", code);
        }

        var line = grains.GetGrain<IHotlineGrain>(code);
        return await line.GetTotals() is null ? UnknownLine(code) : TypedResults.Ok(await line.GetMinutes());
    }

    private static async Task<Results<Ok<HotlineHistory>, ProblemHttpResult>> GetHours(
        string code, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock, int days = MaxHistoryDays, string? date = null)
    {
        if (days is < 1 or > MaxHistoryDays)
        {
            return TypedResults.Problem($"days 必须在 1 到 {MaxHistoryDays} 之间", statusCode: StatusCodes.Status400BadRequest, title: "参数无效");
        }

        var today = BureauCalendar.LocalDate(clock.GetUtcNow());
        DateOnly? last = null;
        if (date is not null)
        {
            if (BureauCalendar.ParseDay(date) is not { } day || day >= today || day < today.AddDays(-HotlineHistoryCsv.MaxDaysBack))
            {
                return TypedResults.Problem($"date 应为今天以前、{HotlineHistoryCsv.MaxDaysBack} 天以内的 yyyy-MM-dd", statusCode: StatusCodes.Status400BadRequest, title: "参数无效");
            }

            last = day;
        }

        if (!user.Scope().Allows(code))
        {
            return CityWide.OutsideScope("热线", code);
        }

        var line = grains.GetGrain<IHotlineGrain>(code);
        return await line.GetTotals() is null ? UnknownLine(code)
            : TypedResults.Ok(await (last is { } end ? line.GetDays(end.AddDays(1 - days), end) : line.GetHours(days)));
    }

    private static ProblemHttpResult UnknownLine(string code) =>
        TypedResults.Problem($"区县代码 {code} 没有未保热线", statusCode: StatusCodes.Status404NotFound, title: "未知热线");
}
