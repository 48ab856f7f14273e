using System.Collections.Immutable;

namespace Dashboard.Contracts.Hotlines;

/// <summary>
/// Which line each 12345 work order was first counted on, by the order number's hash, in buckets
/// keyed by the hash's first two hex digits. An order handed on to another district and sent again
/// keeps its first line, where its events are already known: it is a duplicate, not a second count.
/// </summary>
public interface IWorkOrderLedgerGrain : IGrainWithStringKey
{
    /// <summary>
    /// The line each order counts on: the one recorded for a hash seen before, else the one offered,
    /// which is recorded (durably, before the answer) with the order's time.
    /// </summary>
    Task<ImmutableDictionary<string, string>> LinesOf(ImmutableArray<WorkOrderSighting> orders);
}
