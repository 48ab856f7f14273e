using System.Collections.Immutable;
using Dashboard.Contracts.Hotlines;
using Dashboard.Grains.Ingest;
using Dashboard.Grains.Storage;
using Microsoft.Extensions.Options;

namespace Dashboard.Grains.WorkOrders;

public sealed class WorkOrderLedgerGrain(
    [PersistentState("work-order-ledger", StorageNames.Dashboard)] IPersistentState<WorkOrderLedgerState> state,
    IOptions<IngestOptions> options,
    TimeProvider clock) : Grain, IWorkOrderLedgerGrain
{
    public async Task<ImmutableDictionary<string, string>> LinesOf(ImmutableArray<WorkOrderSighting> orders)
    {
        var known = state.State.Orders;
        var news = orders.Where(order => !known.ContainsKey(order.Hash)).DistinctBy(order => order.Hash).ToList();
        if (news.Count > 0)
        {
            // An order received before the dedupe window can no longer be counted, so it need not be remembered.
            var horizon = clock.GetUtcNow() - options.Value.DedupeWindow - TimeSpan.FromDays(1);
            state.State.Orders = known.RemoveRange(known.Where(pair => pair.Value.ReceivedAt < horizon).Select(pair => pair.Key))
                .AddRange(news.Select(order => KeyValuePair.Create(order.Hash, order)));
            await state.WriteOrDeactivate(this.DeactivateOnIdle);
        }

        return orders.DistinctBy(order => order.Hash).ToImmutableDictionary(order => order.Hash, order => state.State.Orders.GetValueOrDefault(order.Hash)?.Line ?? order.Line);
    }
}
