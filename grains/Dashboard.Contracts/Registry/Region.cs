using System.Collections.Immutable;

namespace Dashboard.Contracts.Registry;

/// <summary>The city and its counties as the registry defines them.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.region")]
public sealed record Region(
    [property: Id(0)] string CityCode,
    [property: Id(1)] string CityName,
    [property: Id(2)] ImmutableArray<County> Counties)
{
    public bool Contains(string countyCode) => countyCode == CityCode || Counties.Any(county => county.Code == countyCode);
}
