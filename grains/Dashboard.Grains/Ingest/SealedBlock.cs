namespace Dashboard.Grains.Ingest;

/// <summary>A block of ids kept by an archive grain; it can go once its latest horizon leaves the window.</summary>
[GenerateSerializer, Alias("dashboard.sealed-block")]
public sealed record SealedBlock(
    [property: Id(0)] long Number,
    [property: Id(1)] long LatestHorizonTicks);
