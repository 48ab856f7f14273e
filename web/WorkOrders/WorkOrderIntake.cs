using System.Globalization;
using Dashboard.Contracts.Ingest;
using Dashboard.Web.Access;
using Dashboard.Web.Ingest;

namespace Dashboard.Web.WorkOrders;

/// <summary>
/// A 未保 work order counts as an answered inbound call and a case of its line, through the event
/// path: the events are named after the order's number hash, so an order imported or pushed again
/// is a duplicate, never a second count.
/// </summary>
public static class WorkOrderIntake
{
    /// <summary>Orders per batch of events: two events each, the event API's batch limit; also the most one push may carry.</summary>
    public const int MaxPushed = EventValidator.MaxBatchSize / 2;

    /// <summary>One result per order (its call's; the case shares its fate), in the order given.</summary>
    public static async Task<IReadOnlyList<EventResult>> Count(IReadOnlyList<WorkOrder> orders, AccessScope scope, IGrainFactory grains)
    {
        var results = new List<EventResult>(orders.Count);
        foreach (var chunk in orders.Chunk(MaxPushed))
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
