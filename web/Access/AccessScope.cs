using System.Collections.Immutable;

namespace Dashboard.Web.Access;

/// <summary>
/// The counties a caller may see, act and write in; none listed means the whole city. A reporting
/// link narrows that to one <paramref name="Institution"/> of its county.
/// </summary>
public sealed record AccessScope(ImmutableArray<string> Counties, string? Institution = null)
{
    public bool IsCityWide => Counties.IsDefaultOrEmpty && Institution is null;

    /// <summary>A county code, or the city's own code for the city-level (市本级) institutions and line.</summary>
    public bool Allows(string code) => IsCityWide || Counties.Contains(code);
}
