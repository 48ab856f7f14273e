namespace Dashboard.Grains.Push;

/// <summary>Configuration section <c>Dashboard:Push</c>.</summary>
public sealed class PushOptions
{
    public const string Section = "Dashboard:Push";

    /// <summary>How often, at most, each silo sends the latest value of every changed key to the web nodes.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(25);

    /// <summary>
    /// The messages a second a web node sends its connections at most (a group send is one message per
    /// connection in the group); beyond it the node sends less often, newest values only.
    /// </summary>
    public int NodeMessagesPerSecond { get; set; } = 20_000;

    /// <summary>
    /// How long a connection's update may wait to be taken into its buffers (which are full only once
    /// a hung tab or a dead network has not read megabytes) before the web node closes it; its page
    /// reconnects and takes a snapshot. Other walls never wait for it; a slow but living link gets
    /// this long to drain a burst of snapshots.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each silo re-reads the directory of web-node observers.</summary>
    public TimeSpan ObserverRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a web node's subscription lives unless renewed.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromSeconds(90);
}
