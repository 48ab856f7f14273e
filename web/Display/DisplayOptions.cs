namespace Dashboard.Web.Display;

/// <summary>Configuration section <c>Dashboard:Display</c>: how pages judge and present figures.</summary>
public sealed class DisplayOptions
{
    public const string Section = "Dashboard:Display";

    /// <summary>
    /// Per metric (occupancyRate, availableBeds, stranded, missedCalls, lastHourCalls). Settings add
    /// to or override these defaults; a county's figure and the city's are judged by the same limits.
    /// </summary>
    public Dictionary<string, MetricThreshold> Thresholds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["occupancyRate"] = new() { Warn = 85, Alarm = 95 },
        ["availableBeds"] = new() { Warn = 50, Alarm = 10, LowerIsWorse = true },
        ["stranded"] = new() { Warn = 30, Alarm = 60 },
        ["missedCalls"] = new() { Warn = 3, Alarm = 10 },
        ["lastHourCalls"] = new() { Warn = 10, Alarm = 30 },
    };

    /// <summary>A figure the server has not confirmed for this long is shown greyed out as 数据过期.</summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// A table longer than its tile (a county's institutions) is split into pages that turn by
    /// themselves at this interval: a wall runs unattended, so nobody scrolls it.
    /// </summary>
    public TimeSpan PageTurnInterval { get; set; } = TimeSpan.FromSeconds(10);

    public CarouselOptions Carousel { get; set; } = new();

    /// <summary>
    /// The GeoJSON boundaries of the region's counties, each feature with the county's GB/T 2260 code
    /// in <c>properties.code</c>; relative paths start at the application's folder. The wall draws its
    /// centre as this map; empty, or a map that lacks one of the registry's counties, keeps the grid of
    /// county cards.
    /// </summary>
    public string MapFile { get; set; } = "maps/qingyuan.geojson";
}
