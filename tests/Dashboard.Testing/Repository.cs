namespace Dashboard.Testing;

/// <summary>Where things are in the repository these tests were built from.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// The build output of a top-level project (silo, web) in the configuration the tests were built
    /// in: tests/X/bin/Debug/net10.0 → silo/bin/Debug/net10.0.
    /// </summary>
    public static string BuildOutput(string project)
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = framework.Parent!;
        return Path.Combine(Root, project, "bin", configuration.Name, framework.Name);
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Dashboard.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("The tests must run inside the repository (Dashboard.sln not found)");
    }
}
