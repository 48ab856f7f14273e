using System.Text.RegularExpressions;

namespace Dashboard.Testing;

/// <summary>
/// Databases kept from schema version 1 (<c>tests/fixtures/schema-1</c>): the demo registry without
/// history and 7 admissions at 441802-GB-001 (event <c>schema-1-a</c>), written by the release that
/// introduced the versioned scripts, the embedded one copied with <c>backup</c>, the cluster's dumped
/// with <c>deploy/postgres-backup</c>. Every later release must start on them, bring them up to date
/// and serve what they held.
/// </summary>
public static partial class SchemaFixture
{
    public const int Admitted = 7;

    public static string Sqlite => Path.Combine(Repository.Root, "tests", "fixtures", "schema-1", "dashboard.db");

    public static string PostgresDump => Path.Combine(Repository.Root, "tests", "fixtures", "schema-1", "dashboard.pgdump");

    /// <summary>The newest version of each component that the scripts of a database record.</summary>
    public static Dictionary<string, long> NewestVersions(string database) =>
        Directory.GetFiles(Path.Combine(Repository.Root, "deploy", "sql", database), "*.sql")
            .SelectMany(file => VersionRecord().Matches(File.ReadAllText(file)))
            .GroupBy(match => match.Groups["component"].Value)
            .ToDictionary(group => group.Key, group => group.Max(match => long.Parse(match.Groups["version"].Value, System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The newest version of each component that a database has recorded.</summary>
    public static async Task<Dictionary<string, long>> RecordedVersions(System.Data.Common.DbConnection connection)
    {
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT Component, max(Version) FROM DashboardSchemaVersion GROUP BY Component";
        await using var versions = await command.ExecuteReaderAsync();
        var recorded = new Dictionary<string, long>();
        while (await versions.ReadAsync())
        {
            recorded[versions.GetString(0)] = Convert.ToInt64(versions.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        }

        return recorded;
    }

    [GeneratedRegex(@"INSERT INTO DashboardSchemaVersion[^;]*?VALUES\s*\('(?<component>[a-z-]+)',\s*(?<version>\d+)")]
    private static partial Regex VersionRecord();
}
