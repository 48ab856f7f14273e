namespace Dashboard.Web.Access;

/// <summary>Dashboard:Auth — how people, machines and walls prove who they are.</summary>
public sealed class AuthOptions
{
    public const string Section = "Dashboard:Auth";

    public const int MinBootstrapKeyLength = 32;

    /// <summary>
    /// Registered as a city-wide admin API key on a deployment that has none yet, so that scripts and
    /// checks can start a fresh instance and work at once. At least 32 characters.
    /// </summary>
    public string? BootstrapKey { get; set; }

    /// <summary>A signed-in person who does nothing for this long is signed out. Walls are never signed out.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How long a wall's cookie lasts; it renews itself while the wall is in use.</summary>
    public TimeSpan DisplayLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long a node trusts what it looked up about a credential; a revocation reaches every node within this time.</summary>
    public TimeSpan RevocationCheck { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often open hub connections are checked against revocations and expired sessions.</summary>
    public TimeSpan ConnectionCheck { get; set; } = TimeSpan.FromSeconds(20);

    public int MaxFailedSignIns { get; set; } = 5;

    public TimeSpan Lockout { get; set; } = TimeSpan.FromMinutes(15);

    public int MinPasswordLength { get; set; } = 12;

    /// <summary>How long the first-admin setup link printed at start works.</summary>
    public TimeSpan SetupLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    public RateLimitOptions RateLimits { get; set; } = new();
}
