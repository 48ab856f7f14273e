namespace Dashboard.Grains.History;

/// <summary>Dashboard:History — how often each silo records today's figures of every scope.</summary>
public sealed class HistoryOptions
{
    public const string Section = "Dashboard:History";

    /// <summary>
    /// A day's record is the last one taken before Beijing midnight, so this is how much of a day's
    /// end a record can miss.
    /// </summary>
    public TimeSpan RecordEvery { get; set; } = TimeSpan.FromMinutes(1);
}
