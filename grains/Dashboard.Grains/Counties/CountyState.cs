namespace Dashboard.Grains.Counties;

/// <summary>What a county must remember: its name, its city and members. Its counters are rebuilt from the members.</summary>
[GenerateSerializer, Alias("dashboard.county-state")]
public sealed class CountyState
{
    [Id(0)] public string Name { get; set; } = string.Empty;

    [Id(1)] public HashSet<string> Members { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Versions of institutions that moved away, still counted so the county's version never goes back.</summary>
    [Id(2)] public long RetiredVersions { get; set; }

    /// <summary>The city it reports to, as the registry's region says (county codes alone cannot tell).</summary>
    [Id(3)] public string CityCode { get; set; } = string.Empty;
}
