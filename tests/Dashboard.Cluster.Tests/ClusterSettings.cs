using Npgsql;

namespace Dashboard.Cluster.Tests;

public static class ClusterSettings
{
    /// <summary>A cluster of its own (its own id) on the given database, on loopback.</summary>
    public static Dictionary<string, string> For(string connectionString, string name) => new()
    {
        ["Dashboard:Cluster:ConnectionString"] = connectionString,
        ["Dashboard:Cluster:ClusterId"] = $"{name}-{Guid.NewGuid():N}",
        ["Dashboard:Cluster:AdvertisedAddress"] = "127.0.0.1",
    };

    /// <summary>The same web node settings, in cluster mode.</summary>
    public static Dictionary<string, string> Web(Dictionary<string, string> settings) => new(settings) { ["Dashboard:Mode"] = "cluster" };

    /// <summary>The database as PostgreSQL's own tools name it (a libpq connection string).</summary>
    public static string Libpq(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"host={builder.Host} port={builder.Port} dbname={builder.Database} user={builder.Username}";
    }
}
