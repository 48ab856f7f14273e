using System.Text.Json;
using Dashboard.Contracts.Registry;
using Dashboard.Contracts.Targets;
using Dashboard.Web.Access;
using Dashboard.Web.Snapshots;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dashboard.Web.Targets;

/// <summary>Targets per county and metric, which the leader view and the wall's rankings measure progress against.</summary>
public static class TargetEndpoints
{
    /// <summary>Far beyond any county's figure for a year; a target above it is a typing error.</summary>
    private const int MaxValue = 10_000_000;

    private static readonly Dictionary<string, TargetMetric> MetricsByWireName = Enum.GetValues<TargetMetric>()
        .ToDictionary(metric => JsonNamingPolicy.CamelCase.ConvertName(metric.ToString()), StringComparer.OrdinalIgnoreCase);

    public static void MapTargets(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/api/v1/targets").WithTags("Targets");
        targets.MapGet("/", GetAll).RequireAuthorization(Policies.View).WithSummary("Every target: county, metric (occupancy, rescues, reunions, hotlineCases) and value");
        targets.MapPut("/{county}/{metric}", Put).RequireAuthorization(Policies.Admin).WithSummary("Set a county's target for a metric: {\"value\": n}, n ≥ 0");
        targets.MapDelete("/{county}/{metric}", Delete).RequireAuthorization(Policies.Admin).WithSummary("Remove a county's target for a metric");
    }

    private static async Task<Ok<TargetSet>> GetAll(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<ITargetsGrain>(0).GetAll());

    private static async Task<Results<Ok<TargetSet>, ValidationProblem, ProblemHttpResult>> Put(
        string county, string metric, TargetValue body, HttpContext context, IGrainFactory grains, SecurityLog log)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = Check(region, county, metric);
        if (body.Value is not (>= 0 and <= MaxValue))
        {
            errors["value"] = [$"value 必须是 0 到 {MaxValue} 之间的整数"];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "目标无效，未作任何修改");
        }

        if (!context.User.Scope().Allows(county))
        {
            return CityWide.OutsideScope("区县", county);
        }

        var targets = await grains.GetGrain<ITargetsGrain>(0).Set(county, MetricsByWireName[metric], body.Value!.Value);
        await log.Record(context, "target.set", $"{county} {metric} = {body.Value}");
        return TypedResults.Ok(targets);
    }

    private static async Task<Results<Ok<TargetSet>, ValidationProblem, ProblemHttpResult>> Delete(
        string county, string metric, HttpContext context, IGrainFactory grains, SecurityLog log)
    {
        if (await grains.GetGrain<IRegistryGrain>(0).GetRegion() is not { } region)
        {
            return SnapshotEndpoints.RegistryNotLoaded();
        }

        var errors = Check(region, county, metric);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "目标无效，未作任何修改");
        }

        if (!context.User.Scope().Allows(county))
        {
            return CityWide.OutsideScope("区县", county);
        }

        var targets = await grains.GetGrain<ITargetsGrain>(0).Remove(county, MetricsByWireName[metric]);
        await log.Record(context, "target.remove", $"{county} {metric}");
        return TypedResults.Ok(targets);
    }

    /// <summary>Targets are per county of the region; the city is measured by their sum.</summary>
    private static Dictionary<string, string[]> Check(Region region, string county, string metric)
    {
        var errors = new Dictionary<string, string[]>();
        if (!region.Counties.Any(known => known.Code == county))
        {
            errors["county"] = [$"区县代码 '{county}' 不在登记册中"];
        }

        if (!MetricsByWireName.ContainsKey(metric))
        {
            errors["metric"] = [$"未知的指标 '{metric}'，可用：{string.Join("、", MetricsByWireName.Keys)}"];
        }

        return errors;
    }
}
