using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Ingest;

/// <summary>
/// The deduplication part of a counting grain's state, written with its counters: the ids accepted
/// since the last block was sealed, and the sealed blocks that are still inside the window.
/// </summary>
[GenerateSerializer, Alias("dashboard.accepted-ids")]
public sealed class AcceptedIds
{
    [Id(0)] public List<AcceptedId> Open { get; set; } = [];

    [Id(1)] public List<SealedBlock> Sealed { get; set; } = [];

    /// <summary>The number the next sealed block gets; never reused.</summary>
    [Id(2)] public long NextBlock { get; set; }
}
