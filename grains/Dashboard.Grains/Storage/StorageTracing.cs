using System.Diagnostics;

namespace Dashboard.Grains.Storage;

/// <summary>A span per group-commit write, so a trace shows where an acknowledgement waited for the disk.</summary>
public static class StorageTracing
{
    public const string SourceName = "Dashboard.Storage";

    internal static readonly ActivitySource Source = new(SourceName);
}
