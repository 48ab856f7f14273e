namespace Dashboard.Web.Access;

/// <summary>Dashboard:Auth:RateLimits — token buckets per credential, per person and per client address.</summary>
public sealed class RateLimitOptions
{
    /// <summary>Requests per second a key, display or signed-in person may make, sustained.</summary>
    public int RequestsPerSecond { get; set; } = 100;

    /// <summary>Requests a client may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 400;

    /// <summary>Requests per second from one address without credentials (pages, sign-in, health).</summary>
    public int AnonymousPerSecond { get; set; } = 20;

    /// <summary>Sign-in attempts per minute from one address; failed sign-ins are slowed further by lockout.</summary>
    public int SignInsPerMinute { get; set; } = 10;

    /// <summary>Hub calls per second one connection may make (subscriptions and refreshes).</summary>
    public int HubCallsPerSecond { get; set; } = 10;
}
