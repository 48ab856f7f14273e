using Dashboard.Contracts.Hotlines;

namespace Dashboard.Web.Hotlines;

/// <summary>The snapshot of the <c>hotline</c> group: every line. Updates then arrive per line.</summary>
public sealed record HotlineBoard(IReadOnlyList<HotlineSnapshot> Lines);
