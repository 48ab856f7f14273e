using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;

namespace Dashboard.Grains.WorkOrders;

[GenerateSerializer, Alias("dashboard.work-order-ledger-state")]
public sealed class WorkOrderLedgerState
{
    /// <summary>By hash: the line an order was first counted on, and when it was received.</summary>
    [Id(0)] public ImmutableDictionary<string, WorkOrderSighting> Orders { get; set; } = ImmutableDictionary<string, WorkOrderSighting>.Empty;
}
