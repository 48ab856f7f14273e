namespace Dashboard.Web.DemoTraffic;

/// <summary>Configuration section <c>Dashboard:DemoTraffic</c> (command line: <c>--demo-traffic N</c>).</summary>
public sealed class DemoTrafficOptions
{
    public const string Section = "Dashboard:DemoTraffic";

    /// <summary>Demo traffic shows the walls moving; the benchmark, not the demo, measures load.</summary>
    public const double MaxEventsPerSecond = 10_000;

    /// <summary>Admissions and discharges sent per second through the ingest API; 0 sends none.</summary>
    public double EventsPerSecond { get; set; }
}
