using System.Collections.Immutable;

namespace Dashboard.Contracts.Registry;

/// <summary>The city and its counties as the registry defines them.</summary>
[GenerateSerializer, Immutable, Alias("dashboard.region")]
public sealed record Region(
    [property: Id(0)] string CityCode,
    [property: Id(1)] string CityName,
    [property: Id(2)] ImmutableArray<County> Counties)
{
    /// <summary>The name of the city's own scope: institutions and the hotline registered under the city code.</summary>
    public const string CityLevelName = "市本级";

    /// <summary>Every scope that holds institutions and a hotline: the city itself, then its counties.</summary>
    public IEnumerable<string> ScopeCodes => Counties.Select(county => county.Code).Prepend(CityCode);

    public bool Contains(string countyCode) => countyCode == CityCode || Counties.Any(county => county.Code == countyCode);

    /// <summary>A county's name, or 市本级 for the city's own code.</summary>
    public string ScopeName(string code) => code == CityCode ? CityLevelName : Counties.FirstOrDefault(county => county.Code == code)?.Name ?? code;
}
