using System.Security.Claims;
using Dashboard.Contracts.City;
using Dashboard.Contracts.Counties;
using Dashboard.Contracts.Institutions;
using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Snapshots;

public static class SnapshotEndpoints
{
    public static void MapSnapshots(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Snapshots").RequireAuthorization(Policies.View);
        api.MapGet("/city", GetCity).RequireCityWide().WithSummary("The city: totals and one entry per county");
        api.MapGet("/counties/{code}", GetCounty).WithSummary("A county: totals and its institutions");
        api.MapGet("/institutions/{id}", GetInstitution).WithSummary("One institution's counters (a station's with its rescue figures)");
        api.MapGet("/rescue-stations", GetRescueStations).WithSummary("Every rescue station and minor protection center with its rescue figures");
    }

    private static async Task<Results<Ok<CitySnapshot>, ProblemHttpResult>> GetCity(IGrainFactory grains)
    {
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion();
        return region is null
            ? RegistryNotLoaded()
            : TypedResults.Ok(await grains.GetGrain<ICityGrain>(region.CityCode).GetSnapshot());
    }

    private static async Task<Results<Ok<CountySnapshot>, ProblemHttpResult>> GetCounty(string code, ClaimsPrincipal user, IGrainFactory grains)
    {
        var region = await grains.GetGrain<IRegistryGrain>(0).GetRegion();
        if (region is null)
        {
            return RegistryNotLoaded();
        }

        if (!region.Contains(code))
        {
            return TypedResults.Problem($"区县代码 {code} 不在登记册中", statusCode: StatusCodes.Status404NotFound, title: "未知区县");
        }

        return user.Scope().Allows(code) ? TypedResults.Ok(await grains.GetGrain<ICountyGrain>(code).GetSnapshot()) : CityWide.OutsideScope("区县", code);
    }

    private static async Task<Results<Ok<InstitutionSnapshot>, ProblemHttpResult>> GetInstitution(string id, ClaimsPrincipal user, IGrainFactory grains, TimeProvider clock) =>
        await grains.GetGrain<IInstitutionGrain>(id).GetTotals() is not { } totals ? UnknownInstitution(id)
        : user.Scope().Allows(totals.Info.CountyCode) ? TypedResults.Ok(InstitutionSnapshot.From(totals, clock.GetUtcNow()))
        : CityWide.OutsideScope("机构", id);

    public static ProblemHttpResult UnknownInstitution(string id) =>
        TypedResults.Problem($"登记册中没有编号为 {id} 的机构", statusCode: StatusCodes.Status404NotFound, title: "未知机构");

    private static async Task<Results<Ok<InstitutionSnapshot[]>, ProblemHttpResult>> GetRescueStations(ClaimsPrincipal user, IGrainFactory grains)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return RegistryNotLoaded();
        }

        var counties = await Task.WhenAll(region.ScopeCodes.Where(user.Scope().Allows)
            .Select(code => grains.GetGrain<ICountyGrain>(code).GetSnapshot()));
        return TypedResults.Ok(counties.SelectMany(county => county.Institutions).Where(institution => institution.Rescue is not null).ToArray());
    }

    public static ProblemHttpResult RegistryNotLoaded() =>
        TypedResults.Problem("登记册尚未加载，请稍后重试", statusCode: StatusCodes.Status503ServiceUnavailable, title: "登记册尚未加载");
}
