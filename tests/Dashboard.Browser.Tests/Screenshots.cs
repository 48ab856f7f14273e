namespace Dashboard.Browser.Tests;

/// <summary>Screenshots go to <c>artifacts/screenshots</c> at the repository root, to be opened and looked at.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Dashboard.sln")))
        {
            root = root.Parent;
        }

        var folder = Path.Combine(root?.FullName ?? AppContext.BaseDirectory, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
