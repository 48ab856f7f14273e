using System.Collections.Immutable;

namespace Dashboard.Web.Access;

/// <summary>A new display token and the page path a wall opens once with it; the only time the token is shown.</summary>
public sealed record IssuedDisplay(string Id, string Token, string Url, string Name, ImmutableArray<string> Counties);
