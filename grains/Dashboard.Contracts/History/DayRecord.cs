namespace Dashboard.Contracts.History;

/// <summary>The one rule for records of the same day: the later one wins, so a retry or a second silo changes nothing.</summary>
public static class DayRecord
{
    /// <summary>Taken later; at the same moment (two silos, one clock tick), the one that has seen more changes.</summary>
    public static bool Later(DateTimeOffset recordedAt, long version, DateTimeOffset knownAt, long knownVersion) =>
        recordedAt > knownAt || (recordedAt == knownAt && version > knownVersion);
}
