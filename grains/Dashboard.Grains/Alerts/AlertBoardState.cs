using Dashboard.Contracts.Alerts;

namespace Dashboard.Grains.Alerts;

[GenerateSerializer, Alias("dashboard.alert-board-state")]
public sealed class AlertBoardState
{
    [Id(0)] public long Version { get; set; }

    [Id(1)] public DateTimeOffset AsOf { get; set; }

    /// <summary>Open alerts and resolved ones within the keep period, oldest first.</summary>
    [Id(2)] public List<AlertView> Alerts { get; set; } = [];

    [Id(3)] public List<Silence> Silences { get; set; } = [];

    [Id(4)] public List<AuditEntry> Audit { get; set; } = [];

    /// <summary>The number the next alert or silence gets; never reused.</summary>
    [Id(5)] public long NextId { get; set; } = 1;
}
