namespace Dashboard.Grains.Ingest;

/// <summary>Configuration section <c>Dashboard:Ingest</c>.</summary>
public sealed class IngestOptions
{
    public const string Section = "Dashboard:Ingest";

    /// <summary>
    /// How long accepted event ids are remembered. Events that occurred earlier than this are rejected,
    /// because a retry of them could no longer be recognised as a duplicate.
    /// </summary>
    public TimeSpan DedupeWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>How far in the future an event's time may lie (clock skew of the sender).</summary>
    public TimeSpan AllowedClockSkew { get; set; } = TimeSpan.FromMinutes(5);
}
