namespace Dashboard.Grains.Push;

/// <summary>Configuration section <c>Dashboard:Push</c>.</summary>
public sealed class PushOptions
{
    public const string Section = "Dashboard:Push";

    /// <summary>How often, at most, each silo sends the latest value of every changed key to the web nodes.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>How often each silo re-reads the directory of web-node observers.</summary>
    public TimeSpan ObserverRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a web node's subscription lives unless renewed.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromSeconds(90);
}
