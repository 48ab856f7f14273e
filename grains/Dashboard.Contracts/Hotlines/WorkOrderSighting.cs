namespace Dashboard.Contracts.Hotlines;

/// <summary>A work order as the ledger sees it: its number's hash, the line it names now, and when it was received.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.work-order-sighting")]
public sealed record WorkOrderSighting(
    [property: Id(0)] string Hash,
    [property: Id(1)] string Line,
    [property: Id(2)] DateTimeOffset ReceivedAt);
