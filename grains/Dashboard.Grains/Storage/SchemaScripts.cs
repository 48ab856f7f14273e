namespace Dashboard.Grains.Storage;

/// <summary>The project's SQL scripts (deploy/sql/&lt;database&gt;), embedded in this assembly, in file-name order.</summary>
public static class SchemaScripts
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgresql";

    public static IEnumerable<(string Name, string Script)> For(string database)
    {
        var assembly = typeof(SchemaScripts).Assembly;
        var prefix = $"sql/{database}/";
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
            yield return (name[prefix.Length..], reader.ReadToEnd());
        }
    }
}
