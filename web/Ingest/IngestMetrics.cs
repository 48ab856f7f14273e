using System.Diagnostics.Metrics;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Web.Ingest;

/// <summary>
/// Events received per type and outcome (accepted, duplicate, rejected). A rejection is tagged with
/// where it was refused (<c>error.type</c>): outside the caller's counties, or by the counting grain
/// (unknown target, too old, an id reused for other content). Its reason in words stays in the answer.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Dashboard.Ingest";

    private readonly Counter<long> events;

    public IngestMetrics(IMeterFactory meters) =>
        events = meters.Create(MeterName).CreateCounter<long>("dashboard.ingest.events", "{event}", "Events received, by type and outcome");

    /// <param name="types">The events' types, in the order of <paramref name="planned"/> and <paramref name="results"/>.</param>
    public void Record(IEnumerable<string> types, IReadOnlyList<PlannedEvent> planned, IReadOnlyList<EventResult> results)
    {
        foreach (var (type, (plan, result)) in types.Zip(planned.Zip(results)))
        {
            var outcome = new KeyValuePair<string, object?>("dashboard.event.outcome", result.Status.ToString().ToLowerInvariant());
            var eventType = new KeyValuePair<string, object?>("dashboard.event.type", type);
            if (result.Status == EventStatus.Rejected)
            {
                events.Add(1, eventType, outcome, new KeyValuePair<string, object?>("error.type", plan.KnownResult is null ? "not_counted" : "outside_scope"));
            }
            else
            {
                events.Add(1, eventType, outcome);
            }
        }
    }
}
