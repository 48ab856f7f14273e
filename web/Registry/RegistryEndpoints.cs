using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Dashboard.Web.Registry;

/// <summary>Registry administration: one institution at a time, or a bureau's whole registry as CSV.</summary>
public static class RegistryEndpoints
{
    private const int MaxImportBytes = 16 * 1024 * 1024;

    /// <summary>An answer lists at most this many deactivated institutions: enough to check, small however large the registry.</summary>
    private const int MaxListedIds = 100;

    /// <summary>A replacing import may retire a few institutions on its own; more needs confirm=true.</summary>
    private const int MaxUnconfirmedDeactivations = 5;

    public static void MapRegistry(this IEndpointRouteBuilder app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry").RequireAuthorization(Policies.Admin);
        registry.MapPut("/institutions/{id}", Put)
            .WithSummary("Create an institution, or update its name, kind, county and beds (occupants only for a new one)");
        registry.MapPost("/institutions/{id}/deactivate", Deactivate)
            .WithSummary("Take an institution out of every total; its history stays");
        registry.MapPost("/import", Import).RequireCityWide()
            .WithMetadata(new RequestSizeLimitAttribute(MaxImportBytes))
            .WithSummary("Import a registry CSV (UTF-8 or GB18030, English or Chinese headers), all or nothing; replace=true replaces the demo registry. "
                + "dryRun=true says what would change and changes nothing; a replace that would deactivate more than 5 institutions needs confirm=true")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<InstitutionSnapshot>, ValidationProblem, ProblemHttpResult>> Put(
        string id, RegistryEntry entry, HttpContext context, IGrainFactory grains, SecurityLog log, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = entry.Validate(id, region);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "机构信息无效，未作任何修改");
        }

        var institution = grains.GetGrain<IInstitutionGrain>(id);
        var scope = context.User.Scope();
        if (!scope.Allows(entry.CountyCode(region)!) || (await institution.GetTotals() is { } existing && !scope.Allows(existing.Info.CountyCode)))
        {
            return CityWide.OutsideScope("机构或其所属区县不在您的区县范围内");
        }

        var registration = entry.ToRegistration(id, region);
        await institution.Register(registration);
        await log.Record(context, "registry.put", $"机构 {registration.Info.Name} ({id}), {registration.Info.CountyCode}, {registration.Beds} 床");
        return TypedResults.Ok(InstitutionSnapshot.From((await institution.GetTotals())!, clock.GetUtcNow()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Deactivate(string id, HttpContext context, IGrainFactory grains, SecurityLog log)
    {
        var institution = grains.GetGrain<IInstitutionGrain>(id);
        if (RegistryEntry.IdProblem(id) is not null || await institution.GetTotals() is not { } totals)
        {
            return SnapshotEndpoints.UnknownInstitution(id);
        }

        if (!context.User.Scope().Allows(totals.Info.CountyCode))
        {
            return CityWide.OutsideScope("机构", id);
        }

        await institution.Deactivate();
        await log.Record(context, "registry.deactivate", $"机构 {totals.Info.Name} ({id})");
        return TypedResults.NoContent();
    }

    /// <summary>Checks every line first; only a file without a single error changes the registry.</summary>
    private static async Task<Results<Ok<RegistryImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpContext context, IGrainFactory grains, SecurityLog log, bool replace = false, bool confirm = false, bool dryRun = false)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var parsed = RegistryCsv.Parse(await CsvUpload.Read(context), region, demo: false);
        if (!parsed.IsValid)
        {
            return CsvUpload.Problem(parsed.Errors, "登记册", "未导入任何机构");
        }

        var registry = grains.GetGrain<IRegistryGrain>(0);
        var leaving = replace ? await registry.Departures([.. parsed.Institutions.Select(institution => institution.Info.Id)]) : [];
        if (dryRun)
        {
            return TypedResults.Ok(new RegistryImportResult(parsed.EncodingName, parsed.Institutions.Length, leaving.Length, DryRun: true, [.. leaving.Take(MaxListedIds)]));
        }

        if (leaving.Length > MaxUnconfirmedDeactivations && !confirm)
        {
            return TypedResults.Problem(
                $"此次替换导入将停用 {leaving.Length} 个现有机构（如 {string.Join("、", leaving.Take(5))}）。请先用 dryRun=true 核对，确认无误后加 confirm=true 重新提交",
                statusCode: StatusCodes.Status409Conflict, title: "需要确认：替换导入将停用多个机构");
        }

        var deactivated = await registry.Import(parsed.Institutions, replace);
        await log.Record(context, "registry.import", $"{parsed.Institutions.Length} 个机构{(replace ? "，替换" : string.Empty)}", detail: $"停用 {deactivated} 个");
        return TypedResults.Ok(new RegistryImportResult(parsed.EncodingName, parsed.Institutions.Length, deactivated, DeactivatedIds: [.. leaving.Take(MaxListedIds)]));
    }
}
