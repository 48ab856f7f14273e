using System.Globalization;
using Dashboard.Contracts.Hotlines;
using Dashboard.Contracts.Ingest;
using Dashboard.Web.Access;
using Dashboard.Web.Ingest;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// A 未保 work order counts as an answered inbound call and a case of its line, through the event
/// path: the events are named after the order's number hash, so an order imported or pushed again
/// is a duplicate, never a second count. An order counts on the line it was first counted on (the
/// ledger's), so one handed on to another district and sent again is a duplicate there too; its
/// intervention or consultation is also the first one counted.
/// </summary>
public static class WorkOrderIntake
{
    /// <summary>Orders per batch of events: two events each, the event API's batch limit; also the most one push may carry.</summary>
    public const int MaxPushed = EventValidator.MaxBatchSize / 2;

    /// <summary>One result per order (its call's; the case shares its fate), in the order given.</summary>
    public static async Task<IReadOnlyList<EventResult>> Count(IReadOnlyList<WorkOrder> orders, AccessScope scope, IGrainFactory grains)
    {
        var results = new List<EventResult>(orders.Count);
        // Only orders the caller may count are shown to the ledger: a county's key must not pin another
        // district's order to a line before the platform sends it. The others are refused below.
        var lines = await FirstLines([.. orders.Where(order => scope.Allows(order.Line))], grains);
        foreach (var chunk in orders.Select(order => order with { Line = lines.GetValueOrDefault(order.NumberHash, order.Line) }).Chunk(MaxPushed))
        {
            var valid = EventValidator.Validate(new IngestRequest([.. chunk.SelectMany(Events)]), out var errors);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"work orders made invalid events: {string.Join("; ", errors.SelectMany(error => error.Value))}");
            }

            var applied = await IngestPipeline.Apply(await IngestScope.Restrict(valid, scope, grains), grains);
            results.AddRange(applied.Where((_, index) => index % 2 == 0));
        }

        return results;
    }

    private static async Task<Dictionary<string, string>> FirstLines(IReadOnlyList<WorkOrder> orders, IGrainFactory grains)
    {
        var buckets = await Task.WhenAll(orders.GroupBy(order => order.NumberHash[..2], StringComparer.Ordinal).Select(bucket =>
            grains.GetGrain<IWorkOrderLedgerGrain>(bucket.Key).LinesOf([.. bucket.Select(order => new WorkOrderSighting(order.NumberHash, order.Line, order.ReceivedAt))])));
        return buckets.SelectMany(bucket => bucket).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);
    }

    private static IngestEvent[] Events(WorkOrder order)
    {
        var at = order.ReceivedAt.ToString("O", CultureInfo.InvariantCulture);
        return
        [
            new IngestEvent(order.CallEventId, EventTypes.HotlineCall, at, CountyCode: order.Line, Direction: "inbound", Answered: true),
            new IngestEvent(order.CaseEventId, EventTypes.HotlineCase, at, CountyCode: order.Line, Kind: order.Intervention ? "intervention" : "consultation"),
        ];
    }
}
