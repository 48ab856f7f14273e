using System.Collections.Immutable;
using Dashboard.Contracts.Calendar;
using Dashboard.Grains.Hotlines;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// Orders of finished days, too old for the event path, become those days' inbound calls per hour.
/// A day of a line that the export holds is taken as the whole day: its other hours are set to zero,
/// so importing the same export again sets the same figures.
/// </summary>
public static class WorkOrderHistory
{
    public static IReadOnlyList<HotlineHistoryDay> Days(IEnumerable<WorkOrder> orders) =>
        [.. orders
            .Select(order => (order.Line, Local: BureauCalendar.LocalTime(order.ReceivedAt)))
            .GroupBy(order => (order.Line, Day: DateOnly.FromDateTime(order.Local.DateTime)))
            .Select(day => new HotlineHistoryDay(day.Key.Line, day.Key.Day, Enumerable.Range(0, 24)
                .ToImmutableDictionary(hour => hour, hour => day.Count(order => order.Local.Hour == hour))))];
}
