namespace Dashboard.Grains.Registry;

/// <summary>Configuration section <c>Dashboard:Registry</c>.</summary>
public sealed class RegistryOptions
{
    public const string Section = "Dashboard:Registry";

    /// <summary>
    /// Folder with <c>region.csv</c> and <c>institutions.csv</c>, loaded once into an empty deployment;
    /// relative paths start at the application folder. Empty: load nothing.
    /// </summary>
    public string SeedFolder { get; set; } = "seed";

    /// <summary>Marks the loaded registry as demo data (演示数据) on every page and snapshot.</summary>
    public bool Demo { get; set; } = true;

    /// <summary>
    /// Days of made-up hotline history (up to the day before yesterday) and of institutions' end-of-day
    /// figures (up to yesterday) a demo registry starts with, so that its trend lines, spike baseline and
    /// replays are not empty; 0 for none. Above 0, the demo registry also starts with thirteen months of
    /// made-up daily figures for every scope (环比, 同比). Only with <see cref="Demo"/>.
    /// </summary>
    public int DemoHistoryDays { get; set; } = 35;
}
