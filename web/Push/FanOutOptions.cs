using Dashboard.Grains.Push;

namespace Dashboard.Web.Push;

/// <summary>
/// How a web node sends to its own connections; configured under <c>Dashboard:Push</c> beside the
/// silos' <see cref="PushOptions"/>, which web nodes and silos share.
/// </summary>
public sealed class FanOutOptions
{
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
}
