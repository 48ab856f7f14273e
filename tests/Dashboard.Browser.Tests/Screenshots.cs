using Dashboard.Testing;

namespace Dashboard.Browser.Tests;

/// <summary>Screenshots go to <c>artifacts/screenshots</c> at the repository root, to be opened and looked at.</summary>
public static class Screenshots
{
    public static string PathFor(string name)
    {
        var folder = Path.Combine(Repository.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
