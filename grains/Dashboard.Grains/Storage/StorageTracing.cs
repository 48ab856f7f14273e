using System.Diagnostics;

namespace Dashboard.Grains.Storage;

/// <summary>
/// A span per group-commit write, in the trace of the request that started it, with the number of
/// changes it made durable.
/// </summary>
public static class StorageTracing
{
    public const string SourceName = "Dashboard.Storage";

    internal static readonly ActivitySource Source = new(SourceName);
}
