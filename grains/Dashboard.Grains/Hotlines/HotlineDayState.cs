namespace Dashboard.Grains.Hotlines;

[GenerateSerializer, Alias("dashboard.hotline-day-state")]
public sealed class HotlineDayState
{
    [Id(0)] public int[] InboundPerMinute { get; set; } = [];
}
