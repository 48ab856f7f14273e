namespace Dashboard.Testing;

/// <summary>Facts of the demo registry in deploy/seed that tests rely on.</summary>
public static class DemoRegistry
{
    public const int ElderlyCareOccupants = 3409;

    /// <summary>The ids of the elderly-care institutions, which take admissions and discharges.</summary>
    public static string[] ElderlyCareIds() =>
        [.. File.ReadLines(Path.Combine(Repository.Root, "deploy", "seed", "institutions.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(fields => fields[2].EndsWith("elderly-care", StringComparison.Ordinal) || fields[2] is "public-built-privately-run" or "regional-elderly-home")
            .Select(fields => fields[0])];
}
