namespace Dashboard.Grains.Hosting;

/// <summary>
/// Configuration section <c>Dashboard:Cluster</c>: silos and web nodes sharing one PostgreSQL
/// database for membership and grain state.
/// </summary>
public sealed class DashboardClusterOptions
{
    public const string Section = "Dashboard:Cluster";

    /// <summary>Npgsql connection string; without <c>Maximum Pool Size</c> the pool is capped at 16.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Members with the same cluster id form one cluster.</summary>
    public string ClusterId { get; set; } = "qingyuan";

    /// <summary>Identifies the stored grain state; keep it across deployments.</summary>
    public string ServiceId { get; set; } = "civil-affairs-dashboard";

    /// <summary>Silo-to-silo port of this silo.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Port web nodes (Orleans clients) connect to.</summary>
    public int GatewayPort { get; set; } = 30000;

    /// <summary>The address other members reach this silo at; empty: the host's first IPv4 address.</summary>
    public string AdvertisedAddress { get; set; } = string.Empty;

    /// <summary>
    /// Where a silo serves <c>/health/live</c>, <c>/health/ready</c> and <c>/metrics</c> to probes and
    /// Prometheus, without credentials: keep it on loopback or a management network. 9464 is
    /// OpenTelemetry's port for Prometheus scrapes.
    /// </summary>
    public string ManagementUrl { get; set; } = "http://127.0.0.1:9464";

    /// <summary>Optional name of this silo in logs and the membership table.</summary>
    public string SiloName { get; set; } = string.Empty;

    /// <summary>
    /// How long a grain call may take before it fails. Calls caught on a silo that died fail after
    /// this long and are retried by the sender, so it bounds how long a crash stalls ingest.
    /// </summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Silos probe each other this often; three missed probes declare a silo dead and its grains
    /// move. Shorter than Orleans' default (10 s) so a command center sees a crash heal in seconds.
    /// </summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Apply <c>deploy/sql/postgresql</c> at silo start (idempotent); off where operators apply it.</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>One line naming the first setting that cannot work, or null.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(ClusterId) ? $"{Section}:ClusterId must not be empty"
        : string.IsNullOrWhiteSpace(ServiceId) ? $"{Section}:ServiceId must not be empty"
        : SiloPort is < 1 or > 65535 ? $"{Section}:SiloPort must be a port between 1 and 65535"
        : GatewayPort is < 1 or > 65535 ? $"{Section}:GatewayPort must be a port between 1 and 65535"
        : SiloPort == GatewayPort ? $"{Section}:SiloPort and GatewayPort must differ"
        : ResponseTimeout <= TimeSpan.Zero ? $"{Section}:ResponseTimeout must be positive: every grain call would fail at once"
        : ProbeTimeout <= TimeSpan.Zero ? $"{Section}:ProbeTimeout must be positive"
        : !Uri.TryCreate(ManagementUrl, UriKind.Absolute, out var management) || management.Scheme is not ("http" or "https")
            ? $"{Section}:ManagementUrl must be an http:// address such as http://127.0.0.1:9464"
        : null;
}
