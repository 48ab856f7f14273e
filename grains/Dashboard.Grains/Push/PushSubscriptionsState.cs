using Dashboard.Contracts.Push;

namespace Dashboard.Grains.Push;

[GenerateSerializer, Alias("dashboard.push-subscriptions-state")]
public sealed class PushSubscriptionsState
{
    /// <summary>Each web node's observer and when its subscription expires unless renewed.</summary>
    [Id(0)] public Dictionary<IDashboardObserver, DateTimeOffset> Expiries { get; set; } = [];
}
