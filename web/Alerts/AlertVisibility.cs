using System.Collections.Immutable;
using Dashboard.Contracts.Alerts;
using Dashboard.Web.Access;

namespace Dashboard.Web.Alerts;

/// <summary>A county-limited officer's board holds the alerts of its counties only (the city line's belong to city-wide officers).</summary>
public static class AlertVisibility
{
    public static AlertBoard VisibleTo(this AlertBoard board, AccessScope scope) =>
        scope.IsCityWide ? board : board with { Alerts = board.Alerts.VisibleTo(scope) };

    public static ImmutableArray<AlertView> VisibleTo(this ImmutableArray<AlertView> alerts, AccessScope scope) =>
        scope.IsCityWide ? alerts : [.. alerts.Where(alert => scope.Allows(alert.Scope))];
}
