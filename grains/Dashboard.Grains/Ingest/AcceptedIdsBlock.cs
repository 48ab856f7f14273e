using Dashboard.Contracts.Ingest;

namespace Dashboard.Grains.Ingest;

[GenerateSerializer, Alias("dashboard.accepted-ids-block")]
public sealed class AcceptedIdsBlock
{
    [Id(0)] public AcceptedId[] Ids { get; set; } = [];
}
