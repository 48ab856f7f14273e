using System.Text.Json;

namespace Dashboard.Web.Push;

/// <summary>
/// An update as subscribers of changes receive it (<see cref="ChangedEntries"/>): the same key, version
/// and time; <paramref name="Data"/> whole but for the list <paramref name="Changes"/> names, or whole
/// throughout when <paramref name="Changes"/> is null.
/// </summary>
public sealed record ChangedUpdate(string Key, long Version, DateTimeOffset AsOf, JsonElement Data, ListChanges? Changes);
