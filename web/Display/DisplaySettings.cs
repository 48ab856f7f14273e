namespace Dashboard.Web.Display;

/// <summary>What pages read from <c>GET /api/v1/display</c>; durations in seconds, which scripts use directly.</summary>
public sealed record DisplaySettings(
    IReadOnlyDictionary<string, MetricThreshold> Thresholds,
    double StaleAfterSeconds,
    double PageTurnIntervalSeconds,
    IReadOnlyList<string> CarouselScreens,
    double CarouselIntervalSeconds,
    string CarouselAlertScreen)
{
    public static DisplaySettings From(DisplayOptions options) => new(
        options.Thresholds, options.StaleAfter.TotalSeconds, options.PageTurnInterval.TotalSeconds,
        options.Carousel.EffectiveScreens, options.Carousel.Interval.TotalSeconds, options.Carousel.AlertScreen);
}
