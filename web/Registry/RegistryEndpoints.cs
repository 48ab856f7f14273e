using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Registry;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Registry;

/// <summary>Registry administration: one institution at a time, or a bureau's whole registry as CSV.</summary>
public static class RegistryEndpoints
{
    private const int MaxImportBytes = 16 * 1024 * 1024;

    public static void MapRegistry(this IEndpointRouteBuilder app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry").RequireAuthorization(Policies.Admin);
        registry.MapPut("/institutions/{id}", Put)
            .WithSummary("Create an institution, or update its name, kind, county and beds (occupants only for a new one)");
        registry.MapPost("/institutions/{id}/deactivate", Deactivate)
            .WithSummary("Take an institution out of every total; its history stays");
        registry.MapPost("/import", Import).RequireCityWide()
            .WithSummary("Import a registry CSV (UTF-8 or GB18030, English or Chinese headers), all or nothing; replace=true replaces the demo registry")
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
        HttpContext context, IGrainFactory grains, SecurityLog log, bool replace = false)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        if (body.Length > MaxImportBytes)
        {
            return TypedResults.Problem($"文件超过 {MaxImportBytes / 1024 / 1024} MB", statusCode: StatusCodes.Status413PayloadTooLarge, title: "文件过大");
        }

        var parsed = RegistryCsv.Parse(body.ToArray(), region, demo: false);
        if (!parsed.IsValid)
        {
            var errors = parsed.Errors.GroupBy(error => $"第 {error.Line} 行")
                .ToDictionary(line => line.Key, line => line.Select(error => error.Message).ToArray());
            return TypedResults.ValidationProblem(errors, title: $"登记册有 {parsed.Errors.Length} 处错误，未导入任何机构");
        }

        var deactivated = await grains.GetGrain<IRegistryGrain>(0).Import(parsed.Institutions, replace);
        await log.Record(context, "registry.import", $"{parsed.Institutions.Length} 个机构{(replace ? "，替换" : string.Empty)}", detail: $"停用 {deactivated} 个");
        return TypedResults.Ok(new RegistryImportResult(parsed.EncodingName, parsed.Institutions.Length, deactivated));
    }
}
