using Dashboard.Contracts.Calendar;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Hotlines;
using Dashboard.Web.Access;
using Dashboard.Web.Registry;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Hotlines;

/// <summary>
/// History from day one: an admin imports past inbound calls per line and hour, so that the spike
/// rule's baseline and the "same hour last week" lines have real figures before four weeks have passed.
/// The counts go straight into the lines' past days, outside the event path and its dedupe window.
/// </summary>
public static class HotlineHistoryEndpoints
{
    /// <summary>A year of nine lines is about 80,000 rows, under 3 MB.</summary>
    private const int MaxImportBytes = 16 * 1024 * 1024;

    public static void MapHotlineHistory(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/v1/hotlines/history", Import)
            .RequireAuthorization(Policies.Admin)
            .WithTags("Hotlines")
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithSummary("Import past inbound calls per hour (CSV line,hour,calls; UTF-8 or GB18030; Beijing time), all or nothing; "
                + "sets the hours it names, so importing again changes nothing. Days before yesterday only.")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem();

    private static async Task<Results<Ok<HotlineHistoryImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var scope = context.User.Scope();
        var lines = region.ScopeCodes.Where(scope.Allows).ToHashSet(StringComparer.Ordinal);
        var parsed = HotlineHistoryCsv.Parse(await CsvUpload.Read(context), lines, BureauCalendar.LocalDate(clock.GetUtcNow()));
        if (!parsed.IsValid)
        {
            return CsvUpload.Problem(parsed.Errors, "历史来电文件", "未导入任何数据");
        }

        await HotlineDays.SetHistory(grains, parsed.Days);
        var result = new HotlineHistoryImportResult(parsed.EncodingName, parsed.Days.Select(day => day.Line).Distinct().Count(), parsed.Days.Length, parsed.Hours);
        await log.Record(context, "hotline.history", $"{result.Lines} 条线路，{result.Days} 天，{result.Hours} 个小时");
        return TypedResults.Ok(result);
    }
}
