using System.Collections.Immutable;

namespace Dashboard.Web.Access;

/// <summary>A new API key: the only time its secret is shown.</summary>
public sealed record IssuedKey(string Id, string Key, string Name, string Role, ImmutableArray<string> Counties);
