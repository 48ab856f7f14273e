using Dashboard.Contracts.Registry;
using Dashboard.Web.Access;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Display;

public static class DisplayEndpoints
{
    public static void AddDisplay(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DisplayOptions>()
            .Bind(configuration.GetSection(DisplayOptions.Section))
            .Validate(options => options.Thresholds.Values.All(threshold => threshold.IsOrdered),
                "Dashboard:Display:Thresholds: Alarm must lie beyond Warn in the worse direction")
            .Validate(options => options.StaleAfter > TimeSpan.Zero && options.PageTurnInterval > TimeSpan.Zero && options.Carousel.Interval > TimeSpan.Zero,
                "Dashboard:Display: StaleAfter, PageTurnInterval and Carousel:Interval must be positive")
            .ValidateOnStart();
        services.AddSingleton(provider => RegionMap.Load(provider.GetRequiredService<IOptions<DisplayOptions>>().Value));
    }

    public static void MapDisplay(this IEndpointRouteBuilder app)
    {
        // Read now, so that a wrong map file stops the start with its reason.
        var map = app.ServiceProvider.GetRequiredService<RegionMap>();
        var display = app.MapGroup("/api/v1/display").WithTags("Display").RequireAuthorization(Policies.View);
        display.MapGet("", async (IOptions<DisplayOptions> options, IGrainFactory grains) =>
                TypedResults.Ok(DisplaySettings.From(options.Value, await grains.GetGrain<IRegistryGrain>(0).GetRegion(), map.Exists)))
            .WithSummary("The city's name, thresholds (green/amber/red) per metric, the age after which a figure counts as stale, how often long tables turn their page, the carousel, and whether a county map is configured");
        display.MapGet("/map", Map)
            .WithSummary("The county map (GeoJSON, one feature per county with its code in properties.code), or 404 when none is configured");
    }

    private static Results<FileContentHttpResult, ProblemHttpResult> Map(RegionMap map) =>
        map.Exists
            ? TypedResults.Bytes(map.Content, "application/geo+json", entityTag: map.ETag)
            : TypedResults.Problem(title: "未配置区县地图", detail: "Dashboard:Display:MapFile 为空，大屏显示区县卡片", statusCode: StatusCodes.Status404NotFound);
}
