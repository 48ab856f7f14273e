namespace Dashboard.Testing;

/// <summary>Facts of the demo registry in deploy/seed that tests rely on.</summary>
public static class DemoRegistry
{
    public const int ElderlyCareOccupants = 3409;

    public const int ElderlyCareInstitutions = 104;

    /// <summary>The eight counties, by GB/T 2260 code.</summary>
    public static readonly string[] CountyCodes = ["441802", "441803", "441821", "441823", "441825", "441826", "441881", "441882"];

    /// <summary>The counties' names as the wall shows them (autonomous counties shortened to 县).</summary>
    public static readonly string[] CountyShortNames = ["清城区", "清新区", "佛冈县", "阳山县", "连山县", "连南县", "英德市", "连州市"];

    /// <summary>The ids of the elderly-care institutions, which take admissions and discharges.</summary>
    public static string[] ElderlyCareIds() =>
        [.. File.ReadLines(Path.Combine(Repository.Root, "deploy", "seed", "institutions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[2].EndsWith("elderly-care", StringComparison.Ordinal) || fields[2] is "public-built-privately-run" or "regional-elderly-home")
            .Select(fields => fields[0])];
}
