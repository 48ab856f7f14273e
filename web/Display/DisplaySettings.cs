using Dashboard.Contracts.Registry;

namespace Dashboard.Web.Display;

/// <summary>
/// What pages read from <c>GET /api/v1/display</c>; durations in seconds, which scripts use directly.
/// <see cref="CityName"/> names the bureau in every page's header: the registry's city, or null before
/// a registry is loaded. <see cref="Map"/> says whether <c>GET /api/v1/display/map</c> has a county map.
/// </summary>
public sealed record DisplaySettings(
    string? CityName,
    IReadOnlyDictionary<string, MetricThreshold> Thresholds,
    double StaleAfterSeconds,
    double PageTurnIntervalSeconds,
    IReadOnlyList<string> CarouselScreens,
    double CarouselIntervalSeconds,
    string CarouselAlertScreen,
    bool Map)
{
    public static DisplaySettings From(DisplayOptions options, Region? region, bool map) => new(
        region?.CityName, options.Thresholds, options.StaleAfter.TotalSeconds, options.PageTurnInterval.TotalSeconds,
        options.Carousel.EffectiveScreens, options.Carousel.Interval.TotalSeconds, options.Carousel.AlertScreen, map);
}
