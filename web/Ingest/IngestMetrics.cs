using System.Diagnostics.Metrics;
using Dashboard.Contracts.Ingest;

namespace Dashboard.Web.Ingest;

/// <summary>
/// Events received per type and outcome (accepted, duplicate, rejected). A rejection is tagged with
/// where it was refused (<c>error.type</c>): in the batch (an id given twice with other content),
/// outside the caller's counties, or by the counting grain (unknown target, too old, an id reused for
/// other content). Its reason in words stays in the answer.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Dashboard.Ingest";

    private readonly Counter<long> events;

    public IngestMetrics(IMeterFactory meters) =>
        events = meters.Create(MeterName).CreateCounter<long>("dashboard.ingest.events", "{event}", "Events received, by type and outcome");

    /// <param name="types">The events' types, in the order of the other lists.</param>
    /// <param name="valid">The events as validated; <paramref name="restricted"/>, as narrowed to the caller's counties.</param>
    public void Record(IEnumerable<string> types, IReadOnlyList<PlannedEvent> valid, IReadOnlyList<PlannedEvent> restricted, IReadOnlyList<EventResult> results)
    {
        foreach (var (type, (validated, narrowed), result) in types.Zip(valid.Zip(restricted), results))
        {
            var outcome = new KeyValuePair<string, object?>("dashboard.event.outcome", result.Status.ToString().ToLowerInvariant());
            var eventType = new KeyValuePair<string, object?>("dashboard.event.type", type);
            if (result.Status == EventStatus.Rejected)
            {
                var where = validated.KnownResult is not null ? "invalid" : narrowed.KnownResult is not null ? "outside_scope" : "not_counted";
                events.Add(1, eventType, outcome, new KeyValuePair<string, object?>("error.type", where));
            }
            else
            {
                events.Add(1, eventType, outcome);
            }
        }
    }
}
