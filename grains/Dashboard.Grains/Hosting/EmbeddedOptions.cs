using Microsoft.Extensions.Configuration;

namespace Dashboard.Grains.Hosting;

/// <summary>Configuration section <c>Dashboard:Embedded</c>: the in-process silo and its SQLite database.</summary>
public sealed class EmbeddedOptions
{
    public const string Section = "Dashboard:Embedded";

    public static EmbeddedOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EmbeddedOptions>() ?? new();

    /// <summary>Folder of the embedded SQLite database; relative paths start at the content root.</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary>ADO.NET connection string; empty means <c>dashboard.db</c> in <see cref="DataFolder"/>.</summary>
    public string ConnectionString { get; set; } = string.Empty;

    /// <summary>Port of the embedded silo; change it to run two embedded instances side by side.</summary>
    public int SiloPort { get; set; } = 11111;

    /// <summary>Client gateway port of the embedded silo.</summary>
    public int GatewayPort { get; set; } = 30000;

    public string DataFolderPath(string contentRoot) => Path.GetFullPath(DataFolder, contentRoot);

    public string DatabaseConnectionString(string contentRoot) => string.IsNullOrWhiteSpace(ConnectionString)
        ? $"Data Source={Path.Combine(DataFolderPath(contentRoot), "dashboard.db")}"
        : ConnectionString;

    /// <summary>Apply the schema scripts at start (idempotent); turn off where operators apply them.</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>One line naming the first setting that cannot work, or null.</summary>
    public string? Problem() =>
        string.IsNullOrWhiteSpace(DataFolder) && string.IsNullOrWhiteSpace(ConnectionString) ? $"{Section}:DataFolder must name a folder"
        : SiloPort is < 1 or > 65535 ? $"{Section}:SiloPort must be a port between 1 and 65535"
        : GatewayPort is < 1 or > 65535 ? $"{Section}:GatewayPort must be a port between 1 and 65535"
        : SiloPort == GatewayPort ? $"{Section}:SiloPort and GatewayPort must differ"
        : null;
}
