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
    /// How long a web node waits for a connection to take an update. One whose buffers stay full that
    /// long (a hung tab, a dead network; the kernel alone buffers megabytes first) is closed, so that it
    /// does not hold back every other wall of the node; its page reconnects and takes a snapshot.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often each silo re-reads the directory of web-node observers.</summary>
    public TimeSpan ObserverRefreshInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a web node's subscription lives unless renewed.</summary>
    public TimeSpan SubscriptionLifetime { get; set; } = TimeSpan.FromSeconds(90);
}
