using Dashboard.Web.Access;
using Microsoft.Extensions.Options;

namespace Dashboard.Web.Display;

public static class DisplayEndpoints
{
    public static void AddDisplay(this IServiceCollection services, IConfiguration configuration) =>
        services.AddOptions<DisplayOptions>()
            .Bind(configuration.GetSection(DisplayOptions.Section))
            .Validate(options => options.Thresholds.Values.All(threshold => threshold.IsOrdered),
                "Dashboard:Display:Thresholds: Alarm must lie beyond Warn in the worse direction")
            .Validate(options => options.StaleAfter > TimeSpan.Zero && options.PageTurnInterval > TimeSpan.Zero && options.Carousel.Interval > TimeSpan.Zero,
                "Dashboard:Display: StaleAfter, PageTurnInterval and Carousel:Interval must be positive")
            .ValidateOnStart();

    public static void MapDisplay(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/display", (IOptions<DisplayOptions> options) => TypedResults.Ok(DisplaySettings.From(options.Value)))
            .RequireAuthorization(Policies.View)
            .WithTags("Display")
            .WithSummary("Thresholds (green/amber/red) per metric, the age after which a figure counts as stale, how often long tables turn their page, and the carousel");
}
