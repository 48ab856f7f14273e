using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Grains.Registry;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Registry;

/// <summary>Registry administration: one institution at a time, or a bureau's whole registry as CSV.</summary>
public static class RegistryEndpoints
{
    private const int MaxImportBytes = 16 * 1024 * 1024;

    public static void MapRegistry(this IEndpointRouteBuilder app)
    {
        var registry = app.MapGroup("/api/v1/registry").WithTags("Registry");
        registry.MapPut("/institutions/{id}", Put)
            .WithSummary("Create an institution, or update its name, kind, county and beds (occupants only for a new one)");
        registry.MapPost("/institutions/{id}/deactivate", Deactivate)
            .WithSummary("Take an institution out of every total; its history stays");
        registry.MapPost("/import", Import)
            .WithSummary("Import a registry CSV (UTF-8 or GB18030, English or Chinese headers), all or nothing; replace=true replaces the demo registry")
            .Accepts<string>("text/csv")
            .ProducesValidationProblem();
    }

    private static async Task<Results<Ok<InstitutionSnapshot>, ValidationProblem, ProblemHttpResult>> Put(
        string id, RegistryEntry entry, IGrainFactory grains, TimeProvider clock)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = entry.Validate(region);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "机构信息无效，未作任何修改");
        }

        var institution = grains.GetGrain<IInstitutionGrain>(id);
        await institution.Register(entry.ToRegistration(id, region));
        return TypedResults.Ok(InstitutionSnapshot.From((await institution.GetTotals())!, clock.GetUtcNow()));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Deactivate(string id, IGrainFactory grains)
    {
        var institution = grains.GetGrain<IInstitutionGrain>(id);
        if (await institution.GetTotals() is null)
        {
            return TypedResults.Problem($"登记册中没有编号为 {id} 的机构", statusCode: StatusCodes.Status404NotFound, title: "未知机构");
        }

        await institution.Deactivate();
        return TypedResults.NoContent();
    }

    /// <summary>Checks every line first; only a file without a single error changes the registry.</summary>
    private static async Task<Results<Ok<RegistryImportResult>, ValidationProblem, ProblemHttpResult>> Import(
        HttpRequest request, IGrainFactory grains, bool replace = false)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body);
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
        return TypedResults.Ok(new RegistryImportResult(parsed.EncodingName, parsed.Institutions.Length, deactivated));
    }
}
